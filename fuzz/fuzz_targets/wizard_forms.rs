#![no_main]
//! See `partnerdesk_web::fuzzing::wizard_forms`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| partnerdesk_web::fuzzing::wizard_forms(data, partnerdesk_fuzz::catalog()));
