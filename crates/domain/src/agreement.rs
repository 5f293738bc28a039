//! Recording that a customer accepted the customer agreement: who signed, when, which
//! version. Partner Center's rules: the current template, a date not in the future, and
//! no second record with the same contact.

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime};

use crate::country::CountryCode;
use crate::email::Email;
use crate::error::Errors;
use crate::names::PersonName;
use crate::phone::PhoneNumber;
use crate::profile::{AgreementTemplate, CloudProfile};
use crate::{AgreementId, CustomerId, Field, FieldError, PartnerId, PartnerUserId, Rule};

/// How far in the future a `dateAgreed` may be, for clocks that disagree a little.
pub const CLOCK_SKEW: Duration = Duration::minutes(5);

/// The raw text of an acceptance.
#[derive(Debug, Clone, Default)]
pub struct AgreementInput<'a> {
    pub agreement_type: &'a str,
    pub template_id: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub email: &'a str,
    pub phone_number: &'a str,
    pub date_agreed: &'a str,
}

/// The person who accepted on the customer's behalf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub email: Email,
    pub phone_number: PhoneNumber,
}

impl Signer {
    /// Whether two records name the same contact (Partner Center 600061 refuses a second
    /// record with the same first and last name, email and phone).
    pub fn same_contact(&self, other: &Signer) -> bool {
        self.first_name.as_str().to_lowercase() == other.first_name.as_str().to_lowercase()
            && self.last_name.as_str().to_lowercase() == other.last_name.as_str().to_lowercase()
            && self.email.as_str().eq_ignore_ascii_case(other.email.as_str())
            && self.phone_number == other.phone_number
    }
}

/// A checked acceptance, ready to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementAcceptance {
    pub template: AgreementTemplate,
    pub signer: Signer,
    pub date_agreed: OffsetDateTime,
}

impl AgreementAcceptance {
    /// Checks an acceptance for a customer in `country` (whose numbering plan the signer's
    /// phone is read in). Type and template default to the profile's primary agreement.
    pub fn parse(
        input: &AgreementInput<'_>,
        profile: &CloudProfile,
        country: CountryCode,
        now: OffsetDateTime,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::default();
        let template = errors.field(Field::TemplateId, template(input, profile));
        let first_name = errors.field(Field::SignerFirstName, PersonName::parse(input.first_name));
        let last_name = errors.field(Field::SignerLastName, PersonName::parse(input.last_name));
        let email = errors.field(Field::SignerEmail, Email::parse(input.email));
        let phone = errors.field(
            Field::SignerPhoneNumber,
            PhoneNumber::parse(input.phone_number, country),
        );
        let date = errors.field(Field::DateAgreed, parse_date_agreed(input.date_agreed, now));
        match (template, first_name, last_name, email, phone, date) {
            (
                Some(template),
                Some(first_name),
                Some(last_name),
                Some(email),
                Some(phone_number),
                Some(date_agreed),
            ) => Ok(Self {
                template,
                signer: Signer {
                    first_name,
                    last_name,
                    email,
                    phone_number,
                },
                date_agreed,
            }),
            _ => Err(errors.into_vec()),
        }
    }
}

fn template(input: &AgreementInput<'_>, profile: &CloudProfile) -> Result<AgreementTemplate, Rule> {
    if !profile.offers_agreements() {
        return Err(Rule::AgreementNotOffered);
    }
    let by_type = match input.agreement_type.trim() {
        "" => None,
        t => Some(profile.agreement_of_type(t).ok_or(Rule::AgreementTypeUnknown)?),
    };
    let by_template = match input.template_id.trim() {
        "" => None,
        t => Some(
            profile
                .agreement_by_template(t)
                .ok_or(Rule::AgreementTemplateUnknown)?,
        ),
    };
    match (by_type, by_template) {
        (Some(a), Some(b)) if a != b => Err(Rule::AgreementTemplateUnknown),
        (Some(a), _) | (None, Some(a)) => Ok(a.clone()),
        (None, None) => profile
            .primary_agreement()
            .cloned()
            .ok_or(Rule::AgreementNotOffered),
    }
}

/// Parses an RFC 3339 date-time, a date-time without offset (taken as UTC) or a plain date
/// (midnight UTC); refuses dates after `now` plus [`CLOCK_SKEW`] (Partner Center 600002)
/// and before the year 2000.
pub fn parse_date_agreed(input: &str, now: OffsetDateTime) -> Result<OffsetDateTime, Rule> {
    let input = input.trim();
    if input.is_empty() {
        return Err(Rule::Required);
    }
    let local = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    let local_fraction = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond]");
    let date_only = format_description!("[year]-[month]-[day]");
    let parsed = OffsetDateTime::parse(input, &Rfc3339)
        .or_else(|_| PrimitiveDateTime::parse(input, &local).map(PrimitiveDateTime::assume_utc))
        .or_else(|_| PrimitiveDateTime::parse(input, &local_fraction).map(PrimitiveDateTime::assume_utc))
        .or_else(|_| Date::parse(input, &date_only).map(|d| d.midnight().assume_utc()))
        .map_err(|_| Rule::DateInvalid)?;
    // Compared before converting to UTC: a date of 9999 with a negative offset is past the
    // last year `time` can hold in UTC (and the conversion would panic).
    if parsed > now + CLOCK_SKEW {
        return Err(Rule::DateInFuture);
    }
    let parsed = parsed.to_offset(time::UtcOffset::UTC);
    if parsed.year() < 2000 {
        return Err(Rule::DateInvalid);
    }
    Ok(parsed)
}

/// A recorded acceptance, as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    pub id: AgreementId,
    pub customer_id: CustomerId,
    pub partner_id: PartnerId,
    /// The partner user who attested.
    pub user_id: PartnerUserId,
    pub agreement_type: String,
    pub template_id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone_number: String,
    pub date_agreed: OffsetDateTime,
    pub created_at: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{CUSTOMER_AGREEMENT_TYPE, ProfileName};
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-22 12:00 UTC);

    fn global() -> CloudProfile {
        CloudProfile::builtin(ProfileName::Global).unwrap_or_else(|| unreachable!())
    }

    fn us() -> CountryCode {
        CountryCode::parse("US").unwrap_or_else(|_| unreachable!())
    }

    fn input() -> AgreementInput<'static> {
        AgreementInput {
            first_name: "Ana",
            last_name: "Lee",
            email: "ana@contoso.example",
            phone_number: "206 555 0182",
            date_agreed: "2026-11-20",
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_acceptance_defaults_to_the_customer_agreement() {
        let parsed = AgreementAcceptance::parse(&input(), &global(), us(), NOW);
        let Ok(acceptance) = parsed else {
            panic!("{parsed:?}")
        };
        assert_eq!(acceptance.template.agreement_type, CUSTOMER_AGREEMENT_TYPE);
        assert_eq!(acceptance.date_agreed, datetime!(2026-11-20 0:00 UTC));
        assert_eq!(acceptance.signer.phone_number.as_str(), "+12065550182");
    }

    #[test]
    fn dates_in_the_future_are_refused_beyond_a_few_minutes_of_skew() {
        assert_eq!(
            parse_date_agreed("2026-11-22T12:04:00Z", NOW),
            Ok(datetime!(2026-11-22 12:04 UTC))
        );
        assert_eq!(
            parse_date_agreed("2026-11-22T12:06:00Z", NOW),
            Err(Rule::DateInFuture)
        );
        assert_eq!(parse_date_agreed("2026-11-23", NOW), Err(Rule::DateInFuture));
        assert_eq!(
            parse_date_agreed("2026-11-22T20:00:00+09:00", NOW),
            Ok(datetime!(2026-11-22 11:00 UTC))
        );
        assert_eq!(
            parse_date_agreed("2019-08-26T00:00:00", NOW),
            Ok(datetime!(2019-08-26 0:00 UTC))
        );
        assert_eq!(parse_date_agreed("yesterday", NOW), Err(Rule::DateInvalid));
        assert_eq!(parse_date_agreed("1999-12-31", NOW), Err(Rule::DateInvalid));
        assert_eq!(parse_date_agreed("", NOW), Err(Rule::Required));
    }

    #[test]
    fn the_template_must_be_a_current_one_of_the_profile() {
        let wrong = AgreementInput {
            template_id: "00000000-0000-0000-0000-000000000000",
            ..input()
        };
        let errors = AgreementAcceptance::parse(&wrong, &global(), us(), NOW)
            .err()
            .unwrap_or_default();
        assert_eq!(
            errors,
            vec![FieldError::new(Field::TemplateId, Rule::AgreementTemplateUnknown)]
        );
        let mismatched = AgreementInput {
            agreement_type: "MicrosoftCloudAgreement",
            template_id: "117a77b0-9360-443b-8795-c6dedc750cf9",
            ..input()
        };
        assert!(AgreementAcceptance::parse(&mismatched, &global(), us(), NOW).is_err());
        let cloud = AgreementInput {
            agreement_type: "MicrosoftCloudAgreement",
            ..input()
        };
        assert!(AgreementAcceptance::parse(&cloud, &global(), us(), NOW).is_ok());
    }

    #[test]
    fn clouds_without_agreements_refuse_an_acceptance() {
        let china = CloudProfile::builtin(ProfileName::China).unwrap_or_else(|| unreachable!());
        let errors = AgreementAcceptance::parse(&input(), &china, us(), NOW)
            .err()
            .unwrap_or_default();
        assert_eq!(
            errors,
            vec![FieldError::new(Field::TemplateId, Rule::AgreementNotOffered)]
        );
    }

    #[test]
    fn every_missing_signer_field_is_reported() {
        let empty = AgreementInput::default();
        let errors = AgreementAcceptance::parse(&empty, &global(), us(), NOW)
            .err()
            .unwrap_or_default();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                Field::SignerFirstName,
                Field::SignerLastName,
                Field::SignerEmail,
                Field::SignerPhoneNumber,
                Field::DateAgreed
            ]
        );
    }

    #[test]
    fn the_same_contact_ignores_case_but_not_a_different_phone() {
        let Ok(a) = AgreementAcceptance::parse(&input(), &global(), us(), NOW) else {
            panic!()
        };
        let upper = AgreementInput {
            first_name: "ANA",
            email: "ANA@contoso.example",
            ..input()
        };
        let Ok(b) = AgreementAcceptance::parse(&upper, &global(), us(), NOW) else {
            panic!()
        };
        assert!(a.signer.same_contact(&b.signer));
        let other_phone = AgreementInput {
            phone_number: "206 555 0199",
            ..input()
        };
        let Ok(c) = AgreementAcceptance::parse(&other_phone, &global(), us(), NOW) else {
            panic!()
        };
        assert!(!a.signer.same_contact(&c.signer));
    }

    #[test]
    fn the_last_day_of_year_9999_behind_utc_is_in_the_future_not_a_crash() {
        // Converting it to UTC panicked; found while writing the fuzz targets.
        assert_eq!(
            parse_date_agreed("9999-12-31T23:59:59-01:00", NOW),
            Err(Rule::DateInFuture)
        );
        assert_eq!(
            parse_date_agreed("0000-01-01T00:00:00+23:59", NOW),
            Err(Rule::DateInvalid)
        );
    }
}
