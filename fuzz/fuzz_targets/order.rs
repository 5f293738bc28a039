#![no_main]
//! See `partnerdesk_web::fuzzing::order`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| partnerdesk_web::fuzzing::order(data, partnerdesk_fuzz::catalog()));
