#![no_main]
//! See `partnerdesk_web::fuzzing::subscription_update`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| partnerdesk_web::fuzzing::subscription_update(data, partnerdesk_fuzz::catalog()));
