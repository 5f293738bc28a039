//! The "Add customer" wizard's draft: what the partner's user entered, as typed (so that
//! nothing is lost, even when it is invalid), and where in the wizard they are. The draft
//! is checked with the same rules as the API's onboarding.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::address::AddressInput;
use crate::agreement::{AgreementAcceptance, AgreementInput};
use crate::catalog::Catalog;
use crate::country::CountryCode;
use crate::customer::{BillingInput, CustomerContext, CustomerInput, NewCustomer};
use crate::error::Errors;
use crate::order::{LineItemInput, NewLineItem, RawQuantity, parse_line_items};
use crate::{Field, FieldError, Rule};

/// The wizard's steps, in order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    #[default]
    Account,
    Subscriptions,
    Review,
}

/// The account info form, field by field, as typed. Field names are the form's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AccountForm {
    pub company_name: String,
    pub country: String,
    pub address_line1: String,
    pub address_line2: String,
    pub city: String,
    pub state: String,
    pub postal_code: String,
    pub phone_number: String,
    pub organization_registration_number: String,
    pub culture: String,
    pub language: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub domain_prefix: String,
    pub agreement_accepted: bool,
    pub signer_first_name: String,
    pub signer_last_name: String,
    pub signer_email: String,
    pub signer_phone_number: String,
    pub date_agreed: String,
    pub associated_partner_id: String,
}

impl AccountForm {
    /// The form as customer input. A registration number typed for another country is
    /// kept in the draft but not checked where the country takes none (the form hides it).
    pub fn customer_input(&self) -> CustomerInput<'_> {
        let takes_registration =
            CountryCode::parse(&self.country).is_ok_and(|c| c.info().registration.is_some());
        CustomerInput {
            billing: BillingInput {
                company_name: &self.company_name,
                first_name: &self.first_name,
                last_name: &self.last_name,
                email: &self.email,
                phone_number: &self.phone_number,
                culture: &self.culture,
                language: &self.language,
                address: AddressInput {
                    country: &self.country,
                    address_line1: &self.address_line1,
                    address_line2: &self.address_line2,
                    city: &self.city,
                    state: &self.state,
                    postal_code: &self.postal_code,
                },
            },
            organization_registration_number: if takes_registration {
                &self.organization_registration_number
            } else {
                ""
            },
            domain: &self.domain_prefix,
            associated_partner_id: &self.associated_partner_id,
        }
    }

    pub fn agreement_input(&self) -> AgreementInput<'_> {
        AgreementInput {
            agreement_type: "",
            template_id: "",
            first_name: &self.signer_first_name,
            last_name: &self.signer_last_name,
            email: &self.signer_email,
            phone_number: &self.signer_phone_number,
            date_agreed: &self.date_agreed,
        }
    }

    /// When the country changes, culture and language that the new country doesn't support
    /// are cleared so that they default again.
    pub fn set_country(&mut self, country: &str) {
        if self.country == country {
            return;
        }
        self.country = country.to_owned();
        let info = CountryCode::parse(country).ok().map(|c| c.info());
        let supported =
            |value: &str, list: Option<&Vec<String>>| list.is_some_and(|l| l.iter().any(|v| v == value));
        if !supported(&self.culture, info.map(|i| &i.cultures)) {
            self.culture.clear();
        }
        if !supported(&self.language, info.map(|i| &i.languages)) {
            self.language.clear();
        }
        if info.is_none_or(|i| i.state(&self.state).is_none()) {
            self.state.clear();
        }
    }

    /// Checks the account info: the customer, and the agreement acceptance where the cloud
    /// offers it (then the box must be ticked and the signer given).
    pub fn check(
        &self,
        context: &CustomerContext<'_>,
        now: OffsetDateTime,
    ) -> Result<(NewCustomer, Option<AgreementAcceptance>), Vec<FieldError>> {
        let mut errors = Errors::default();
        let customer = NewCustomer::parse(&self.customer_input(), context)
            .map_err(|e| errors.extend(e))
            .ok();
        let acceptance = if context.profile.offers_agreements() {
            if !self.agreement_accepted {
                errors.push(Field::AgreementAccepted, Rule::AgreementNotAccepted);
            }
            match CountryCode::parse(&self.country) {
                Ok(country) => {
                    AgreementAcceptance::parse(&self.agreement_input(), context.profile, country, now)
                        .map_err(|e| errors.extend(e))
                        .ok()
                }
                Err(_) => None,
            }
        } else {
            None
        };
        match customer {
            Some(customer) if errors.is_empty() => Ok((customer, acceptance)),
            _ => Err(errors.into_vec()),
        }
    }
}

/// A chosen offer, its license count as typed, and its term and billing plan as chosen
/// (`P1Y/monthly`; empty: the offer's term, billed monthly).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChosenOffer {
    pub offer_id: String,
    pub quantity: String,
    #[serde(default)]
    pub plan: String,
}

impl ChosenOffer {
    /// The chosen term and billing plan as the order's line item spells them.
    pub fn term_and_cycle(&self) -> (String, String) {
        let (term, cycle) = self.plan.split_once('/').unwrap_or((self.plan.as_str(), ""));
        (term.to_owned(), cycle.to_owned())
    }
}

/// The wizard's state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Draft {
    pub step: Step,
    /// Set by "Update" on the review: the next step after the edited one is the review.
    pub return_to_review: bool,
    pub account: AccountForm,
    /// The offers ticked, in the catalog's order.
    pub offers: Vec<ChosenOffer>,
    /// License counts typed for offers that aren't ticked (kept so that nothing is lost).
    pub other_quantities: Vec<ChosenOffer>,
    /// The idempotency key of this draft's submission.
    pub submit_key: String,
}

impl Draft {
    pub fn new(submit_key: String) -> Self {
        Self {
            submit_key,
            ..Self::default()
        }
    }

    /// The typed license count of an offer, ticked or not.
    pub fn quantity(&self, offer: &str) -> Option<&str> {
        self.offers
            .iter()
            .chain(&self.other_quantities)
            .find(|o| o.offer_id == offer)
            .map(|o| o.quantity.as_str())
    }

    /// The chosen term and billing plan of an offer (`P1Y/monthly`), ticked or not.
    pub fn plan(&self, offer: &str) -> Option<&str> {
        self.offers
            .iter()
            .chain(&self.other_quantities)
            .find(|o| o.offer_id == offer && !o.plan.is_empty())
            .map(|o| o.plan.as_str())
    }

    pub fn is_chosen(&self, offer: &str) -> bool {
        self.offers.iter().any(|o| o.offer_id == offer)
    }

    pub fn line_items(&self) -> Vec<LineItemInput> {
        self.offers
            .iter()
            .map(|o| {
                let (term_duration, billing_cycle) = o.term_and_cycle();
                LineItemInput {
                    offer_id: o.offer_id.clone(),
                    quantity: RawQuantity::from_text(&o.quantity),
                    friendly_name: String::new(),
                    partner_id_on_record: String::new(),
                    parent_subscription_id: String::new(),
                    term_duration,
                    billing_cycle,
                }
            })
            .collect()
    }

    /// Checks the chosen offers for the customer's country: at least one, each within its
    /// range. Errors name the offer's index in [`Draft::offers`].
    pub fn check_offers(&self, catalog: &Catalog) -> Result<Vec<NewLineItem>, Vec<FieldError>> {
        let country = CountryCode::parse(&self.account.country)
            .map_err(|rule| vec![FieldError::new(Field::Country, rule)])?;
        parse_line_items(&self.line_items(), catalog, country)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::tests::sample;
    use crate::partner::PartnerKind;
    use crate::profile::{CloudProfile, ProfileName};
    use time::macros::datetime;

    fn form() -> AccountForm {
        AccountForm {
            company_name: "Fabrikam".into(),
            country: "US".into(),
            address_line1: "1 Main St".into(),
            city: "Seattle".into(),
            state: "WA".into(),
            postal_code: "98101".into(),
            first_name: "Ana".into(),
            last_name: "Lee".into(),
            email: "ana@fabrikam.example".into(),
            domain_prefix: "fabrikam".into(),
            agreement_accepted: true,
            signer_first_name: "Ana".into(),
            signer_last_name: "Lee".into(),
            signer_email: "ana@fabrikam.example".into(),
            signer_phone_number: "206 555 0182".into(),
            date_agreed: "2026-11-20".into(),
            ..AccountForm::default()
        }
    }

    fn check(
        form: &AccountForm,
        profile: ProfileName,
    ) -> Result<(NewCustomer, Option<AgreementAcceptance>), Vec<Field>> {
        let profile = CloudProfile::builtin(profile).unwrap_or_else(|| unreachable!());
        let context = CustomerContext {
            profile: &profile,
            partner_kind: PartnerKind::IndirectProvider,
            partner_domains: &[],
        };
        form.check(&context, datetime!(2026-11-22 12:00 UTC))
            .map_err(|e| e.into_iter().map(|e| e.field).collect())
    }

    #[test]
    fn a_complete_form_gives_the_customer_and_the_acceptance() {
        let checked = check(&form(), ProfileName::Global);
        let Ok((customer, acceptance)) = checked else {
            panic!("{checked:?}")
        };
        assert_eq!(customer.domain.as_str(), "fabrikam.onmicrosoft.com");
        assert!(acceptance.is_some());
    }

    #[test]
    fn the_agreement_box_must_be_ticked_where_the_cloud_offers_it() {
        let unticked = AccountForm {
            agreement_accepted: false,
            ..form()
        };
        assert_eq!(
            check(&unticked, ProfileName::Global).err(),
            Some(vec![Field::AgreementAccepted])
        );
        let china = AccountForm {
            agreement_accepted: false,
            signer_first_name: String::new(),
            ..form()
        };
        let checked = check(&china, ProfileName::China);
        assert!(matches!(checked, Ok((_, None))), "{checked:?}");
    }

    #[test]
    fn changing_the_country_clears_what_the_new_country_does_not_support() {
        let mut form = AccountForm {
            culture: "en-US".into(),
            language: "en".into(),
            ..form()
        };
        form.set_country("FR");
        assert_eq!(
            (form.culture.as_str(), form.language.as_str(), form.state.as_str()),
            ("en-US", "en", "")
        );
        form.culture = "fr-FR".into();
        form.set_country("DE");
        assert_eq!(form.culture, "", "fr-FR is not a culture of Germany");
    }

    #[test]
    fn a_registration_number_for_another_country_is_kept_but_not_checked() {
        let form = AccountForm {
            organization_registration_number: "7707083893".into(),
            ..form()
        };
        assert!(check(&form, ProfileName::Global).is_ok());
        assert_eq!(form.organization_registration_number, "7707083893");
    }

    #[test]
    fn offers_are_checked_and_typed_counts_are_kept() {
        let mut draft = Draft::new("k".into());
        draft.account = form();
        assert_eq!(
            draft.check_offers(&sample()).err().map(|e| e[0].rule.clone()),
            Some(Rule::NoLineItems)
        );
        draft.offers = vec![ChosenOffer {
            offer_id: "MAIL-BASIC".into(),
            quantity: "0".into(),
            plan: "P1Y/annual".into(),
        }];
        draft.other_quantities = vec![ChosenOffer {
            offer_id: "GUARD-US".into(),
            quantity: "7".into(),
            plan: String::new(),
        }];
        let line = &draft.line_items()[0];
        assert_eq!(
            (line.term_duration.as_str(), line.billing_cycle.as_str()),
            ("P1Y", "annual")
        );
        assert_eq!(draft.plan("MAIL-BASIC"), Some("P1Y/annual"));
        assert_eq!(draft.plan("GUARD-US"), None);
        assert_eq!(draft.quantity("GUARD-US"), Some("7"));
        assert!(draft.is_chosen("MAIL-BASIC") && !draft.is_chosen("GUARD-US"));
        let errors = draft.check_offers(&sample()).err().unwrap_or_default();
        assert_eq!(errors[0].field, Field::Quantity(0));
        draft.offers[0].quantity = "5".into();
        assert_eq!(draft.check_offers(&sample()).map(|l| l.len()), Ok(1));
    }
}
