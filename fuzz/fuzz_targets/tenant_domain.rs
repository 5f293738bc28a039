#![no_main]
//! See `partnerdesk_web::fuzzing::tenant_domain`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| partnerdesk_web::fuzzing::tenant_domain(data));
