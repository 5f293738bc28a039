//! Customer prices: the rules each partner sets to turn its cost into its customers'
//! prices (`markup_rules`), read when an order is priced or a term renews.

use partnerdesk_domain::audit::{Action, Actor, Change};
use partnerdesk_domain::billing::{CustomerPriceRule, MarkupRule, Markups};
use partnerdesk_domain::{CustomerId, OfferId, PartnerId};
use time::OffsetDateTime;

use crate::Store;
use crate::db::{Conn, Row, Value, id};
use crate::error::StoreError;
use crate::ops::activity;
use crate::ops::charges::corrupt;

/// `''` in a key column means "any customer" or "any offer".
const ANY: &str = "";

/// What a markup rule applies to: every sale, an offer's, a customer's, or a customer's
/// purchases of an offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupScope {
    pub customer: Option<CustomerId>,
    pub offer: Option<OfferId>,
}

impl MarkupScope {
    fn keys(&self) -> (String, String) {
        (
            self.customer.map_or_else(String::new, |c| c.to_string()),
            self.offer
                .as_ref()
                .map_or_else(String::new, |o| o.as_str().to_owned()),
        )
    }
}

impl Store {
    /// `partner`'s rules that apply to every customer, with those it set for `customer`.
    pub async fn markups(
        &self,
        partner: PartnerId,
        customer: Option<CustomerId>,
    ) -> Result<Markups, StoreError> {
        let customer = customer.map_or_else(String::new, |c| c.to_string());
        self.read_with(customer, move |c, customer| {
            Box::pin(async move {
                let rows = c
                    .fetch_all(
                        "SELECT customer_id, offer_id, rule FROM markup_rules \
                         WHERE partner_id = $1 AND customer_id IN ('', $2) ORDER BY customer_id, offer_id",
                        &[id(partner), Value::from(customer.as_str())],
                    )
                    .await?;
                rows.iter()
                    .map(markup_from)
                    .collect::<Result<_, _>>()
                    .map(Markups)
            })
        })
        .await
    }

    /// Sets `partner`'s rule for `scope`, or removes it (`None`), with its activity entry.
    pub async fn set_markup(
        &self,
        partner: PartnerId,
        scope: MarkupScope,
        rule: Option<CustomerPriceRule>,
        actor: Actor,
    ) -> Result<(), StoreError> {
        self.write_with((scope, actor), move |c, (scope, actor)| {
            Box::pin(async move {
                let (customer, offer) = scope.keys();
                let keys = [id(partner), Value::from(customer.as_str()), Value::from(offer.as_str())];
                match rule {
                    Some(rule) => {
                        let [p, cu, o] = keys;
                        c.execute(
                            "INSERT INTO markup_rules (partner_id, customer_id, offer_id, rule, updated_at) \
                             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (partner_id, customer_id, offer_id) \
                             DO UPDATE SET rule = $4, updated_at = $5",
                            &[p, cu, o, rule.to_string().as_str().into(), OffsetDateTime::now_utc().into()],
                        )
                        .await?;
                    }
                    None => {
                        c.execute(
                            "DELETE FROM markup_rules WHERE partner_id = $1 AND customer_id = $2 AND offer_id = $3",
                            &keys,
                        )
                        .await?;
                    }
                }
                let mut change = Change::new(partner, Action::CustomerPriceRuleChanged)
                    .detail("rule", rule.map_or_else(|| "-".to_owned(), |r| r.to_string()));
                if let Some(customer) = scope.customer {
                    change = change.customer(customer, None);
                }
                if let Some(offer) = &scope.offer {
                    change = change.detail("offerId", offer);
                }
                activity::record(c, actor, &change).await
            })
        })
        .await
    }
}

/// The rule that applies to `partner`'s sale of `offer` to `customer`, read inside a
/// transaction (a renewal's).
pub(crate) async fn rule_for(
    c: &mut Conn<'_>,
    partner: PartnerId,
    customer: CustomerId,
    offer: &OfferId,
) -> Result<Option<CustomerPriceRule>, StoreError> {
    let customer_key = customer.to_string();
    let rows = c
        .fetch_all(
            "SELECT customer_id, offer_id, rule FROM markup_rules \
             WHERE partner_id = $1 AND customer_id IN ('', $2) AND offer_id IN ('', $3)",
            &[
                id(partner),
                Value::from(customer_key.as_str()),
                offer.as_str().into(),
            ],
        )
        .await?;
    let markups = Markups(rows.iter().map(markup_from).collect::<Result<_, _>>()?);
    Ok(markups.rule_for(Some(customer), offer).map(|(rule, _)| rule))
}

fn markup_from(row: &Row) -> Result<MarkupRule, StoreError> {
    let customer = row.text("customer_id")?;
    let offer = row.text("offer_id")?;
    Ok(MarkupRule {
        customer: match customer.as_str() {
            ANY => None,
            text => Some(text.parse().map_err(|_| corrupt("markup_rules.customer_id"))?),
        },
        offer: match offer.as_str() {
            ANY => None,
            text => Some(OfferId::parse(text).ok_or_else(|| corrupt("markup_rules.offer_id"))?),
        },
        rule: row
            .text("rule")?
            .parse()
            .map_err(|_| corrupt("markup_rules.rule"))?,
    })
}
