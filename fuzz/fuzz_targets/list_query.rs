#![no_main]
//! See `partnerdesk_web::fuzzing::list_query`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| partnerdesk_web::fuzzing::list_query(data));
