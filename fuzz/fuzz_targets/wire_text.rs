//! libFuzzer entry point; the target body is `errcodes_fuzz::wire_text`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errcodes_fuzz::wire_text(data));
