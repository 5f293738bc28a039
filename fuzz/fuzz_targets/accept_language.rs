#![no_main]
//! See `partnerdesk_web::fuzzing::accept_language`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| partnerdesk_web::fuzzing::accept_language(data));
