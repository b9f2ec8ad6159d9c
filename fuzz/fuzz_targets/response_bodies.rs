//! libFuzzer entry point; the target body is `errcodes_fuzz::response_bodies`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| errcodes_fuzz::response_bodies(data));
