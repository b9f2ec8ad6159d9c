//! errcodes-build's public API, recorded (issue 17): every public item a dependent can name,
//! each struct's public fields, each enum's variants, every method with its signature and
//! every trait it implements, read from rustdoc's JSON output and compared with the snapshot
//! `snapshots/public_api__errcodes_build.snap`. An addition or a change is a visible diff to
//! review (and, for a change, a CHANGELOG entry under "Breaking").
//!
//! rustdoc's JSON output is unstable, so it is asked for with `RUSTC_BOOTSTRAP=1` on the
//! stable toolchain; its own build folder keeps the workspace's untouched.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// A type as Rust writes it, from rustdoc's JSON (enough of the grammar for this API).
fn ty(t: &Value) -> String {
    let args = |a: &Value| -> String {
        let Some(list) = a.pointer("/angle_bracketed/args").and_then(Value::as_array) else {
            return String::new();
        };
        let shown: Vec<String> = list
            .iter()
            .map(|arg| match arg.get("type") {
                Some(t) => ty(t),
                None => arg
                    .get("lifetime")
                    .and_then(Value::as_str)
                    .unwrap_or("_")
                    .to_owned(),
            })
            .collect();
        if shown.is_empty() {
            String::new()
        } else {
            format!("<{}>", shown.join(", "))
        }
    };
    if let Some(p) = t.get("resolved_path") {
        return format!("{}{}", p["path"].as_str().unwrap_or("?"), args(&p["args"]));
    }
    if let Some(r) = t.get("borrowed_ref") {
        let lifetime = r["lifetime"]
            .as_str()
            .map(|l| format!("{l} "))
            .unwrap_or_default();
        let mutable = if r["is_mutable"].as_bool() == Some(true) {
            "mut "
        } else {
            ""
        };
        return format!("&{lifetime}{mutable}{}", ty(&r["type"]));
    }
    if let Some(name) = t.get("generic").or_else(|| t.get("primitive")) {
        return name.as_str().unwrap_or("?").to_owned();
    }
    if let Some(inner) = t.get("slice") {
        return format!("[{}]", ty(inner));
    }
    if let Some(list) = t.get("tuple").and_then(Value::as_array) {
        return format!("({})", list.iter().map(ty).collect::<Vec<_>>().join(", "));
    }
    if let Some(bounds) = t.get("impl_trait").and_then(Value::as_array) {
        let shown: Vec<String> = bounds
            .iter()
            .filter_map(|b| b.get("trait_bound"))
            .map(|b| {
                format!(
                    "{}{}",
                    b["trait"]["path"].as_str().unwrap_or("?"),
                    args(&b["trait"]["args"])
                )
            })
            .collect();
        return format!("impl {}", shown.join(" + "));
    }
    "_".to_owned()
}

/// A function's signature: `fn name<generics>(inputs) -> output`.
fn signature(name: &str, f: &Value) -> String {
    let generics: Vec<String> = f["generics"]["params"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| {
            p["kind"]
                .get("type")
                .is_some_and(|t| t["is_synthetic"] != true)
        })
        .map(|p| {
            let bounds: Vec<String> = p["kind"]["type"]["bounds"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|b| b.get("trait_bound"))
                .map(|b| b["trait"]["path"].as_str().unwrap_or("?").to_owned())
                .collect();
            format!(
                "{}: {}",
                p["name"].as_str().unwrap_or("?"),
                bounds.join(" + ")
            )
        })
        .collect();
    let generics = if generics.is_empty() {
        String::new()
    } else {
        format!("<{}>", generics.join(", "))
    };
    let inputs: Vec<String> = f["sig"]["inputs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| match i[0].as_str() {
            Some("self") => ty(&i[1]).replace("Self", "self"),
            Some(n) => format!("{n}: {}", ty(&i[1])),
            None => "?".to_owned(),
        })
        .collect();
    let output = match &f["sig"]["output"] {
        Value::Null => String::new(),
        t => format!(" -> {}", ty(t)),
    };
    format!("fn {name}{generics}({}){output}", inputs.join(", "))
}

fn describe(index: &Value, id: &Value, name: &str, out: &mut BTreeSet<String>) {
    let item = &index[id.to_string().as_str()];
    let inner = &item["inner"];
    let (kind, body) = match inner.as_object().and_then(|o| o.iter().next()) {
        Some((k, v)) => (k.as_str(), v),
        None => return,
    };
    match kind {
        "constant" => {
            out.insert(format!("const {name}: {}", ty(&body["type"])));
        }
        "function" => {
            out.insert(signature(name, body));
        }
        "struct" | "enum" => {
            out.insert(format!("{kind} {name}"));
            if let Some(fields) = body.pointer("/kind/plain/fields").and_then(Value::as_array) {
                for f in fields {
                    let field = &index[f.to_string().as_str()];
                    out.insert(format!(
                        "{name}.{}: {}",
                        field["name"].as_str().unwrap_or("?"),
                        ty(&field["inner"]["struct_field"])
                    ));
                }
            }
            for v in body["variants"].as_array().into_iter().flatten() {
                out.insert(format!(
                    "{name}::{}",
                    index[v.to_string().as_str()]["name"]
                        .as_str()
                        .unwrap_or("?")
                ));
            }
            for imp in body["impls"].as_array().into_iter().flatten() {
                let imp = &index[imp.to_string().as_str()]["inner"]["impl"];
                if imp["is_synthetic"] == true || !imp["blanket_impl"].is_null() {
                    continue;
                }
                match imp["trait"]["path"].as_str() {
                    Some(t) => {
                        out.insert(format!("impl {t} for {name}"));
                    }
                    None => {
                        for m in imp["items"].as_array().into_iter().flatten() {
                            let m_item = &index[m.to_string().as_str()];
                            if m_item["visibility"] == "public"
                                && let Some(f) = m_item["inner"].get("function")
                            {
                                let sig = signature(m_item["name"].as_str().unwrap_or("?"), f);
                                out.insert(format!("{name}::{sig}"));
                            }
                        }
                    }
                }
            }
        }
        _ => {
            out.insert(format!("{kind} {name}"));
        }
    }
}

#[test]
fn errcodes_build_public_api() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("public-api");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args(["rustdoc", "-q", "--offline", "-p", "errcodes-build", "--"])
        .args(["-Z", "unstable-options", "--output-format", "json"])
        .current_dir(root)
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTDOCFLAGS")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value =
        serde_json::from_slice(&std::fs::read(target.join("doc/errcodes_build.json")).unwrap())
            .unwrap();
    let index = &json["index"];
    let root_module = &index[json["root"].to_string().as_str()]["inner"]["module"]["items"];
    let mut api = BTreeSet::new();
    for id in root_module.as_array().unwrap() {
        let item = &index[id.to_string().as_str()];
        match item["inner"].get("use") {
            Some(u) => describe(index, &u["id"], u["name"].as_str().unwrap(), &mut api),
            None => describe(index, id, item["name"].as_str().unwrap_or("?"), &mut api),
        }
    }
    insta::assert_snapshot!(
        "errcodes_build",
        api.into_iter().collect::<Vec<_>>().join("\n")
    );
}
