#![no_main]
//! See `partnerdesk_web::fuzzing::create_customer`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| partnerdesk_web::fuzzing::create_customer(data, partnerdesk_fuzz::catalog()));
