//! libFuzzer entry point; the target body is `errcodes_fuzz::catalog_yaml`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errcodes_fuzz::catalog_yaml(data));
