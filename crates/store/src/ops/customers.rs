//! Customers: the one-transaction onboarding, reads, the paged and searchable list, and
//! billing profile changes.

use partnerdesk_domain::address::Address;
use partnerdesk_domain::audit::{Action, Actor, Change};
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::customer::{BillingDetails, BillingProfile, Customer, CustomerSummary};
use partnerdesk_domain::names::CompanyName;
use partnerdesk_domain::onboarding::Onboarding;
use partnerdesk_domain::{CustomerId, CustomerUserId, Field, FieldError, PartnerId, Rule};

use crate::Store;
use crate::db::{Conn, Row, Value, id, opt_id};
use crate::error::StoreError;
use crate::ops::customer_view::{self, SearchField};
use crate::ops::idempotency::{self, IdempotencyRecord};
use crate::ops::{activity, agreements, orders};

/// Which of a partner's customers to list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CustomerFilter {
    All,
    /// Company names starting with this text, in any case.
    CompanyName(String),
    /// Domains starting with this text, in any case.
    Domain(String),
    /// Customers associated with this indirect reseller.
    Reseller(PartnerId),
    /// This text anywhere in the field, folded as a search folds it.
    Contains(SearchField, String),
}

/// Where a page ends: the sort key and id of its last customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub key: String,
    pub id: CustomerId,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerQuery {
    pub filter: CustomerFilter,
    /// Start after this customer.
    pub after: Option<Cursor>,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerPage {
    pub customers: Vec<CustomerSummary>,
    /// Where the next page starts, when there is one.
    pub next: Option<Cursor>,
}

/// The columns [`customer_from`] reads, from `customers c` and `partner_customers pc`.
const CUSTOMER_COLUMNS: &str = "c.id, c.commerce_id, c.company_name, c.domain, c.organization_registration_number, \
    c.created_at, c.billing_company_name, c.first_name, c.last_name, c.email, c.phone_number, c.culture, c.language, \
    c.country, c.address_line1, c.address_line2, c.city, c.state, c.postal_code, c.billing_version, \
    pc.associated_partner_id, pc.relationship";

fn customer_from(row: &Row) -> Result<Customer, StoreError> {
    let country = CountryCode::parse(&row.text("country")?)
        .map_err(|_| StoreError::Internal("stored country".into()))?;
    Ok(Customer {
        id: row.uuid("id")?,
        commerce_id: row.uuid("commerce_id")?,
        company_name: row.text("company_name")?,
        domain: row.text("domain")?,
        organization_registration_number: row.opt_text("organization_registration_number")?,
        created_at: row.time("created_at")?,
        billing: BillingProfile {
            company_name: row.text("billing_company_name")?,
            first_name: row.text("first_name")?,
            last_name: row.text("last_name")?,
            email: row.text("email")?,
            phone_number: row.opt_text("phone_number")?,
            culture: row.text("culture")?,
            language: row.text("language")?,
            address: Address {
                country,
                address_line1: row.text("address_line1")?,
                address_line2: row.opt_text("address_line2")?,
                city: row.text("city")?,
                state: row.opt_text("state")?,
                postal_code: row.opt_text("postal_code")?,
            },
            version: row.int("billing_version")?,
        },
        associated_partner_id: row.opt_uuid("associated_partner_id")?,
        relationship: row.text("relationship")?,
    })
}

/// The columns [`summary_from`] reads, from `partner_customers pc` alone.
pub(crate) const SUMMARY_COLUMNS: &str = "pc.customer_id, pc.commerce_id, pc.company_name, pc.domain, pc.country, pc.created_at, pc.associated_partner_id, pc.relationship";

pub(crate) fn summary_from(row: &Row) -> Result<CustomerSummary, StoreError> {
    Ok(CustomerSummary {
        id: row.uuid("customer_id")?,
        commerce_id: row.uuid("commerce_id")?,
        company_name: row.text("company_name")?,
        domain: row.text("domain")?,
        country: CountryCode::parse(&row.text("country")?)
            .map_err(|_| StoreError::Internal("stored country".into()))?,
        created_at: row.time("created_at")?,
        associated_partner_id: row.opt_uuid("associated_partner_id")?,
        relationship: row.text("relationship")?,
    })
}

impl Store {
    /// Creates a customer with everything that comes with it, in one transaction: the
    /// customer and its profiles, its admin user, the relationships to the seller (and to
    /// the indirect reseller), the agreement acceptance, the order and its subscriptions,
    /// and the idempotency record. Either all of it exists afterwards or none of it.
    pub async fn onboard_customer(
        &self,
        onboarding: Onboarding,
        admin_password_hash: String,
        idempotency: Option<IdempotencyRecord>,
        actor: Actor,
    ) -> Result<(), StoreError> {
        self.write_batched_with(
            (onboarding, admin_password_hash, idempotency, actor),
            move |c, (onboarding, hash, idempotency, actor)| {
                Box::pin(async move {
                    if let Some(record) = idempotency {
                        idempotency::claim(c, record).await?;
                    }
                    insert_customer(c, onboarding, hash, actor).await
                })
            },
        )
        .await
    }

    /// Whether a tenant domain (full, any case) belongs to a customer.
    pub async fn domain_taken(&self, domain: &str) -> Result<bool, StoreError> {
        let domain = domain.trim().to_ascii_lowercase();
        self.read_with(domain, move |c, domain| {
            Box::pin(async move {
                let row = c
                    .fetch_optional(
                        "SELECT 1 FROM customers WHERE domain = $1",
                        &[Value::from(domain)],
                    )
                    .await?;
                Ok(row.is_some())
            })
        })
        .await
    }

    /// A customer as `viewer` sees it; [`StoreError::NotFound`] for customers of others.
    pub async fn customer(&self, viewer: PartnerId, customer: CustomerId) -> Result<Customer, StoreError> {
        self.read(move |c| Box::pin(async move { customer_for(c, viewer, customer).await }))
            .await
    }

    /// A page of `viewer`'s customers, by company name (by domain for a domain search).
    /// Every page is one index range scan of `partner_customers`, with no join.
    pub async fn list_customers(
        &self,
        viewer: PartnerId,
        query: CustomerQuery,
    ) -> Result<CustomerPage, StoreError> {
        self.read_with(query, move |c, query| {
            Box::pin(async move { list(c, viewer, query).await })
        })
        .await
    }

    /// Replaces a customer's billing profile if it is still at `expected_version`.
    pub async fn update_billing_profile(
        &self,
        viewer: PartnerId,
        customer: CustomerId,
        details: BillingDetails,
        expected_version: i64,
        actor: Actor,
    ) -> Result<Customer, StoreError> {
        self.write_with((details, actor), move |c, (d, actor)| {
            Box::pin(async move {
                let current = customer_for(c, viewer, customer).await?;
                if current.billing.address.country != d.address.country {
                    return Err(StoreError::Invalid(vec![FieldError::new(Field::Country, Rule::CountryCannotChange)]));
                }
                let a = &d.address;
                let changed = c
                    .execute(
                        "UPDATE customers SET billing_company_name = $1, first_name = $2, last_name = $3, email = $4, \
                         phone_number = $5, culture = $6, language = $7, address_line1 = $8, address_line2 = $9, city = $10, \
                         state = $11, postal_code = $12, billing_version = billing_version + 1 \
                         WHERE id = $13 AND billing_version = $14",
                        &[
                            d.company_name.as_str().into(),
                            d.first_name.as_str().into(),
                            d.last_name.as_str().into(),
                            d.email.as_str().into(),
                            d.phone_number.as_ref().map(|p| p.as_str()).into(),
                            Value::from(&d.culture),
                            Value::from(&d.language),
                            Value::from(&a.address_line1),
                            Value::from(&a.address_line2),
                            Value::from(&a.city),
                            Value::from(&a.state),
                            Value::from(&a.postal_code),
                            id(customer),
                            expected_version.into(),
                        ],
                    )
                    .await?;
                if changed == 0 {
                    return Err(StoreError::VersionMismatch);
                }
                if d.company_name.as_str() != current.company_name {
                    rename(c, customer, &d.company_name, &current.domain).await?;
                }
                let updated = customer_for(c, viewer, customer).await?;
                let change = Change::new(viewer, Action::BillingProfileUpdated)
                    .customer(customer, current.associated_partner_id);
                let change = billing_differences(&current.billing, &updated.billing)
                    .into_iter()
                    .fold(change, |change, (name, value)| change.detail(name, value));
                activity::record(c, actor, &change).await?;
                Ok(updated)
            })
        })
        .await
    }
}

/// Gives a customer the name its billing profile now has, everywhere a list or a search
/// reads it (each partner's row of it, with the keys it is sorted and found by).
async fn rename(
    c: &mut Conn<'_>,
    customer: CustomerId,
    name: &CompanyName,
    domain: &str,
) -> Result<(), StoreError> {
    c.execute(
        "UPDATE customers SET company_name = $1 WHERE id = $2",
        &[name.as_str().into(), id(customer)],
    )
    .await?;
    let name_key = name.search_key();
    let search_key = customer_view::search_key(&name_key, domain);
    c.execute(
        "UPDATE partner_customers SET company_name = $1, name_key = $2, search_key = $3 WHERE customer_id = $4",
        &[name.as_str().into(), Value::from(&name_key), Value::from(&search_key), id(customer)],
    )
    .await?;
    Ok(())
}

async fn insert_customer(
    c: &mut Conn<'_>,
    o: &Onboarding,
    admin_password_hash: &str,
    actor: &Actor,
) -> Result<(), StoreError> {
    let customer = &o.customer;
    let b = &customer.billing;
    let a = &b.address;
    let country = a.country.to_string();
    c.insert(
        "INSERT INTO customers (id, commerce_id, domain, company_name, organization_registration_number, created_by, \
         created_at, billing_company_name, first_name, last_name, email, phone_number, culture, language, country, \
         address_line1, address_line2, city, state, postal_code, billing_version)",
        1,
        &[
            id(customer.id),
            id(customer.commerce_id),
            Value::from(&customer.domain),
            Value::from(&customer.company_name),
            Value::from(&customer.organization_registration_number),
            id(o.seller.partner_id),
            customer.created_at.into(),
            Value::from(&b.company_name),
            Value::from(&b.first_name),
            Value::from(&b.last_name),
            Value::from(&b.email),
            Value::from(&b.phone_number),
            Value::from(&b.culture),
            Value::from(&b.language),
            Value::from(&country),
            Value::from(&a.address_line1),
            Value::from(&a.address_line2),
            Value::from(&a.city),
            Value::from(&a.state),
            Value::from(&a.postal_code),
            b.version.into(),
        ],
    )
    .await?;
    c.insert(
        "INSERT INTO customer_users (id, customer_id, user_name, password_hash, must_change_password, created_at)",
        1,
        &[
            id(CustomerUserId::new()),
            id(customer.id),
            Value::from(&o.admin_user_name),
            admin_password_hash.into(),
            true.into(),
            customer.created_at.into(),
        ],
    )
    .await?;
    let seller = o.seller.partner_id;
    let reseller = customer.associated_partner_id;
    let search_key = customer_view::search_key(&o.name_key, &customer.domain);
    let row = |partner, associated| {
        [
            id(partner),
            id(customer.id),
            Value::from("reseller"),
            opt_id(associated),
            Value::from(&o.name_key),
            Value::from(&customer.domain),
            Value::from(&customer.company_name),
            Value::from(&country),
            id(customer.commerce_id),
            customer.created_at.into(),
            Value::from(&search_key),
        ]
    };
    let mut rows = row(seller, reseller).to_vec();
    if let Some(reseller) = reseller {
        rows.extend(row(reseller, Some(seller)));
    }
    c.insert(
        "INSERT INTO partner_customers (partner_id, customer_id, relationship, associated_partner_id, name_key, domain, \
         company_name, country, commerce_id, created_at, search_key)",
        rows.len() / 11,
        &rows,
    )
    .await?;
    let created = Change::new(seller, Action::CustomerCreated)
        .customer(customer.id, reseller)
        .detail("companyName", &customer.company_name)
        .detail("domain", &customer.domain)
        .detail("country", &country)
        .detail("adminUserName", &o.admin_user_name);
    activity::record(c, actor, &created).await?;
    if let Some(agreement) = &o.agreement {
        agreements::insert(c, agreement, actor, reseller).await?;
    }
    if let Some(placed) = &o.order {
        orders::insert(c, placed, actor).await?;
    }
    Ok(())
}

/// The billing profile's values that differ, as `(name, "old → new")`.
fn billing_differences(old: &BillingProfile, new: &BillingProfile) -> Vec<(&'static str, String)> {
    let (a, b) = (&old.address, &new.address);
    let pairs: [(&'static str, Option<&str>, Option<&str>); 12] = [
        ("companyName", Some(&old.company_name), Some(&new.company_name)),
        ("firstName", Some(&old.first_name), Some(&new.first_name)),
        ("lastName", Some(&old.last_name), Some(&new.last_name)),
        ("email", Some(&old.email), Some(&new.email)),
        (
            "phoneNumber",
            old.phone_number.as_deref(),
            new.phone_number.as_deref(),
        ),
        ("culture", Some(&old.culture), Some(&new.culture)),
        ("language", Some(&old.language), Some(&new.language)),
        ("addressLine1", Some(&a.address_line1), Some(&b.address_line1)),
        (
            "addressLine2",
            a.address_line2.as_deref(),
            b.address_line2.as_deref(),
        ),
        ("city", Some(&a.city), Some(&b.city)),
        ("state", a.state.as_deref(), b.state.as_deref()),
        ("postalCode", a.postal_code.as_deref(), b.postal_code.as_deref()),
    ];
    pairs
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(name, before, after)| {
            (
                name,
                format!("{} → {}", before.unwrap_or(""), after.unwrap_or("")),
            )
        })
        .collect()
}

/// Fails with [`StoreError::NotFound`] unless `viewer` has a relationship with `customer`.
/// Returns the partner the relationship is associated with: a provider's customer's
/// indirect reseller (or a reseller's provider).
pub(crate) async fn ensure_visible(
    c: &mut Conn<'_>,
    viewer: PartnerId,
    customer: CustomerId,
) -> Result<Option<PartnerId>, StoreError> {
    c.fetch_optional(
        "SELECT associated_partner_id FROM partner_customers WHERE partner_id = $1 AND customer_id = $2",
        &[id(viewer), id(customer)],
    )
    .await?
    .ok_or(StoreError::NotFound)?
    .opt_uuid("associated_partner_id")
}

pub(crate) async fn customer_for(
    c: &mut Conn<'_>,
    viewer: PartnerId,
    customer: CustomerId,
) -> Result<Customer, StoreError> {
    let sql = format!(
        "SELECT {CUSTOMER_COLUMNS} FROM partner_customers pc JOIN customers c ON c.id = pc.customer_id \
         WHERE pc.partner_id = $1 AND pc.customer_id = $2"
    );
    let row = c
        .fetch_optional(&sql, &[id(viewer), id(customer)])
        .await?
        .ok_or(StoreError::NotFound)?;
    customer_from(&row)
}

/// The smallest text greater than every text that starts with `prefix`, for a range scan.
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

async fn list(
    c: &mut Conn<'_>,
    viewer: PartnerId,
    query: &CustomerQuery,
) -> Result<CustomerPage, StoreError> {
    let (key_column, prefix) = match &query.filter {
        CustomerFilter::Contains(field, text) => {
            return customer_view::containing(c, viewer, *field, text, query.after.as_ref(), query.limit)
                .await;
        }
        CustomerFilter::Domain(p) => ("pc.domain", Some(p.trim().to_ascii_lowercase())),
        CustomerFilter::CompanyName(p) => ("pc.name_key", Some(partnerdesk_domain::names::search_key(p))),
        CustomerFilter::All | CustomerFilter::Reseller(_) => ("pc.name_key", None),
    };
    let prefix_end = prefix.as_deref().map(prefix_end);
    let reseller_id = match &query.filter {
        CustomerFilter::Reseller(r) => Some(*r),
        _ => None,
    };
    let after_id = query.after.as_ref().map(|a| a.id.as_uuid());
    let mut sql = format!(
        "SELECT {SUMMARY_COLUMNS}, {key_column} AS sort_key FROM partner_customers pc WHERE pc.partner_id = $1"
    );
    let mut params = vec![id(viewer)];
    if let Some(reseller) = reseller_id {
        params.push(id(reseller));
        sql.push_str(&format!(" AND pc.associated_partner_id = ${}", params.len()));
    }
    if let (Some(start), Some(end)) = (&prefix, &prefix_end) {
        params.push(Value::from(start));
        params.push(Value::from(end));
        let n = params.len();
        sql.push_str(&format!(
            " AND {key_column} >= ${} AND {key_column} < ${n}",
            n - 1
        ));
    }
    if let (Some(after), Some(after_id)) = (&query.after, after_id) {
        params.push(Value::from(&after.key));
        params.push(Value::Uuid(Some(after_id)));
        let n = params.len();
        sql.push_str(&format!(
            " AND {key_column} >= ${k} AND ({key_column} > ${k} OR pc.customer_id > ${n})",
            k = n - 1
        ));
    }
    let fetch = i64::from(query.limit.clamp(1, 1000)) + 1;
    params.push(fetch.into());
    sql.push_str(&format!(
        " ORDER BY {key_column}, pc.customer_id LIMIT ${}",
        params.len()
    ));
    let rows = c.fetch_all(&sql, &params).await?;
    let more = rows.len() > usize::try_from(query.limit.clamp(1, 1000)).unwrap_or(usize::MAX);
    let mut customers = Vec::with_capacity(rows.len());
    let mut last = None;
    for row in rows.iter().take(rows.len() - usize::from(more)) {
        let customer = summary_from(row)?;
        last = Some(Cursor {
            key: row.text("sort_key")?,
            id: customer.id,
        });
        customers.push(customer);
    }
    Ok(CustomerPage {
        customers,
        next: if more { last } else { None },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_range_holds_every_continuation() {
        let end = prefix_end("ab");
        for inside in ["ab", "abc", "ab\u{10FFFE}", "ab臺灣"] {
            assert!(inside >= "ab" && inside < end.as_str(), "{inside}");
        }
        assert!("ac" >= end.as_str());
    }
}
