#![no_main]
//! See `partnerdesk_web::fuzzing::country_rules`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| partnerdesk_web::fuzzing::country_rules(data));
