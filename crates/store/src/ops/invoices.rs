//! Invoices: a month's close turns each party's uninvoiced charges up to the month's end
//! into one invoice per currency, numbered without gaps per issuer. Each invoice is
//! written in one transaction with the marks on its charges (all of it or none), and a
//! close that stops midway resumes with the invoices not yet written. Each line is taxed
//! at its customer's country's rate as the close begins, and the invoice keeps the rates
//! it used (`invoice_tax_rates`).

use std::collections::BTreeMap;
use std::sync::Arc;

use partnerdesk_domain::billing::{
    BillingError, BillingPeriod, Currency, DEFAULT_DIGITS, InvoiceNumber, InvoicePrefix, InvoiceRecord,
    InvoiceTotals, Money, Side, TaxRate, calendar,
};
use partnerdesk_domain::mail::{Mail, MailKind};
use partnerdesk_domain::{CustomerId, Locale, PartnerId};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::Store;
use crate::db::{Conn, Row, Value, id, opt_id};
use crate::error::StoreError;
use crate::ops::charges::{ChargeLine, Param, corrupt, date, money};
use crate::ops::outbox;

/// The operator's invoices (to partners) are numbered `G…`, as Partner Center's; a
/// partner's invoices to its customers `C…`, in a sequence of the partner's own.
const OPERATOR: &str = "operator";
const OPERATOR_PREFIX: &str = "G";
const PARTNER_PREFIX: &str = "C";

/// One side's columns on `charges`: the invoice mark and the amount billed.
struct SideColumns {
    side: Side,
    mark: &'static str,
    subtotal: &'static str,
    /// The columns an invoice groups by besides the currency.
    party: &'static str,
}

const COST: SideColumns = SideColumns {
    side: Side::Cost,
    mark: "invoice_id",
    subtotal: "subtotal",
    party: "partner_id",
};

const CUSTOMER: SideColumns = SideColumns {
    side: Side::Customer,
    mark: "customer_invoice_id",
    subtotal: "customer_subtotal",
    party: "partner_id, customer_id",
};

impl Store {
    /// Closes every month that ended before `until` and still has uninvoiced charges:
    /// each partner's invoice per currency from the operator, and each partner's invoice
    /// per customer and currency. Returns how many invoices it wrote.
    pub async fn close_months(&self, until: Date) -> Result<u64, StoreError> {
        let this_month = calendar::first_of_month(until);
        let mut written = 0;
        for side in [COST, CUSTOMER] {
            while let Some(month) = self.oldest_open_month(&side, this_month).await? {
                written += self.close_month(&side, month).await?;
            }
        }
        Ok(written)
    }

    /// The month of the oldest uninvoiced charge on `side` written before `before`.
    async fn oldest_open_month(
        &self,
        side: &SideColumns,
        before: Date,
    ) -> Result<Option<BillingPeriod>, StoreError> {
        let sql = format!(
            "SELECT MIN(created_at) AS oldest FROM charges WHERE {} IS NULL AND created_at < $1",
            side.mark
        );
        let oldest = self
            .read(move |c| {
                let sql = sql.clone();
                Box::pin(async move {
                    c.fetch_one(&sql, &[midnight(before).into()])
                        .await?
                        .opt_time("oldest")
                })
            })
            .await?;
        Ok(oldest.map(|at| BillingPeriod::calendar_month(at.date())))
    }

    /// Writes the invoices of `month` on `side`: walks the open (party, currency) groups in
    /// key order, [`GROUPS_PER_TRANSACTION`] at a time, and writes each page's invoices in
    /// one transaction (each invoice whole or not at all), so that memory stays flat and a
    /// close of many small invoices doesn't pay a commit for each.
    async fn close_month(&self, side: &SideColumns, month: BillingPeriod) -> Result<u64, StoreError> {
        let end = midnight(month.end.next_day().ok_or_else(|| corrupt("period"))?);
        // The rates in force as the close begins, kept with each invoice it writes.
        let rates: Arc<Rates> = Arc::new(
            self.tax_rates()
                .await?
                .into_iter()
                .map(|(country, rate)| (country.as_str().to_owned(), rate))
                .collect(),
        );
        let (side_name, party) = (side.side, side.party);
        let mut after: Option<Group> = None;
        let mut written = 0;
        loop {
            let page = self
                .write_with((after, rates.clone()), move |c, (after, rates)| {
                    Box::pin(async move {
                        let groups = open_groups(c, side_name, party, end, after.as_ref()).await?;
                        let mut written = 0;
                        for group in &groups {
                            let key = (side_name, group.0, group.1, group.2, month, end, rates.clone());
                            if write_invoice(c, &key).await? {
                                written += 1;
                            }
                        }
                        Ok((groups.last().copied(), written))
                    })
                })
                .await?;
            match page {
                (Some(last), n) => {
                    written += n;
                    after = Some(last);
                }
                (None, _) => return Ok(written),
            }
        }
    }

    /// A partner's invoices from the operator, newest first.
    pub async fn partner_invoices(&self, partner: PartnerId) -> Result<Vec<InvoiceRecord>, StoreError> {
        self.invoices_of(partner, None, None).await
    }

    /// One of a partner's invoices from the operator, by its number.
    pub async fn partner_invoice(
        &self,
        partner: PartnerId,
        number: String,
    ) -> Result<InvoiceRecord, StoreError> {
        let found = self.invoices_of(partner, None, Some(number)).await?;
        found.into_iter().next().ok_or(StoreError::NotFound)
    }

    /// One of the invoices `partner` wrote to `customer`, by its number.
    pub async fn customer_invoice(
        &self,
        partner: PartnerId,
        customer: CustomerId,
        number: String,
    ) -> Result<InvoiceRecord, StoreError> {
        let found = self.invoices_of(partner, Some(customer), Some(number)).await?;
        found.into_iter().next().ok_or(StoreError::NotFound)
    }

    /// The invoices `partner` wrote to `customer`, newest first.
    pub async fn customer_invoices(
        &self,
        partner: PartnerId,
        customer: CustomerId,
    ) -> Result<Vec<InvoiceRecord>, StoreError> {
        self.invoices_of(partner, Some(customer), None).await
    }

    /// The invoices `customer` received from each of its partners, newest first, with the
    /// partner's name; only the one with id `invoice` when given.
    pub async fn invoices_to_customer(
        &self,
        customer: CustomerId,
        invoice: Option<Uuid>,
    ) -> Result<Vec<(InvoiceRecord, String)>, StoreError> {
        self.read(move |c| {
            Box::pin(async move {
                let columns = INVOICE_COLUMNS.replace(", ", ", i.");
                let sql = format!(
                    "SELECT i.{columns}, p.name AS partner_name FROM invoices i JOIN partners p ON p.id = i.partner_id \
                     WHERE i.customer_id = $1 AND i.side = 'customer' AND ($2 IS NULL OR i.id = $2) \
                     ORDER BY i.period_start DESC, p.name, i.number DESC"
                );
                let rows = c
                    .fetch_all(&sql, &[id(customer), Value::Uuid(invoice)])
                    .await?;
                rows.iter()
                    .map(|row| Ok((invoice_from(row)?, row.text("partner_name")?)))
                    .collect()
            })
        })
        .await
    }

    /// `partner`'s invoices from the operator (`customer` `None`) or to `customer`, newest
    /// first; only the one numbered `number` when given (numbers are the issuer's).
    async fn invoices_of(
        &self,
        partner: PartnerId,
        customer: Option<CustomerId>,
        number: Option<String>,
    ) -> Result<Vec<InvoiceRecord>, StoreError> {
        let (side, issuer) = match customer {
            None => ("cost", OPERATOR.to_owned()),
            Some(_) => ("customer", partner.to_string()),
        };
        self.read(move |c| {
            let (issuer, number) = (issuer.clone(), number.clone());
            Box::pin(async move {
                // Each given value as its own condition (not `$4 IS NULL OR …`), so that
                // every plan can look a customer's invoices up by its index and a number
                // by the issuer's.
                let mut params = vec![id(partner), side.into(), Value::from(&issuer)];
                let mut sql = format!(
                    "SELECT {INVOICE_COLUMNS} FROM invoices WHERE partner_id = $1 AND side = $2 AND issuer = $3"
                );
                if let Some(customer) = customer {
                    params.push(id(customer));
                    sql.push_str(&format!(" AND customer_id = ${}", params.len()));
                }
                if let Some(number) = number.as_deref() {
                    params.push(Value::from(number));
                    sql.push_str(&format!(" AND number = ${}", params.len()));
                }
                sql.push_str(" ORDER BY period_start DESC, number DESC");
                let rows = c.fetch_all(&sql, &params).await?;
                rows.iter().map(invoice_from).collect()
            })
        })
        .await
    }

    /// The lines of `invoice`, in the order they were written, after the line `after`;
    /// at most `limit` (up to [`crate::MAX_CHARGE_PAGE`]).
    pub async fn invoice_lines(
        &self,
        invoice: &InvoiceRecord,
        after: Option<Uuid>,
        limit: usize,
    ) -> Result<Vec<ChargeLine>, StoreError> {
        let mark = match invoice.side {
            Side::Cost => COST.mark,
            Side::Customer => CUSTOMER.mark,
        };
        let condition = format!("ch.{mark} = $1");
        // The rates the invoice was closed with.
        let tax = "LEFT JOIN invoice_tax_rates tx ON tx.invoice_id = $1 AND tx.country = cu.country";
        self.charge_lines((condition, tax), vec![Param::Uuid(invoice.id)], after, limit)
            .await
    }
}

/// Writes the invoice of one party's uninvoiced charges in one currency up to `end`: marks
/// the charges, sums what the marking returned, takes the issuer's next number. False
/// when another close wrote it first (nothing left to mark).
async fn write_invoice(
    c: &mut Conn<'_>,
    (side, partner, customer, currency, month, end, rates): &(
        Side,
        PartnerId,
        Option<CustomerId>,
        Currency,
        BillingPeriod,
        OffsetDateTime,
        Arc<Rates>,
    ),
) -> Result<bool, StoreError> {
    let (side, partner, customer, currency, month, end) =
        (*side, *partner, *customer, *currency, *month, *end);
    let columns = match side {
        Side::Cost => COST,
        Side::Customer => CUSTOMER,
    };
    let invoice = Uuid::now_v7();
    // The customer as its own condition (not `$5 IS NULL OR …`), so that the customer
    // side's partial index on (partner, customer, currency) finds just its charges.
    let mut params = vec![
        Value::Uuid(Some(invoice)),
        id(partner),
        currency.code().into(),
        end.into(),
    ];
    let of_customer = match customer {
        Some(customer) => {
            params.push(id(customer));
            " AND customer_id = $5"
        }
        None => "",
    };
    let sql = format!(
        "UPDATE charges SET {mark} = $1 WHERE {mark} IS NULL AND partner_id = $2 AND currency = $3 \
         AND created_at < $4{of_customer} RETURNING {subtotal} AS amount",
        mark = columns.mark,
        subtotal = columns.subtotal,
    );
    let mut rows = c.fetch_all(&sql, &params).await?;
    if rows.is_empty() {
        return Ok(false);
    }
    if !rates.is_empty() {
        // Each line's country, for its rate (where no rate is set, none is needed).
        let sql = format!(
            "SELECT ch.{subtotal} AS amount, cu.country FROM charges ch \
             JOIN customers cu ON cu.id = ch.customer_id WHERE ch.{mark} = $1",
            subtotal = columns.subtotal,
            mark = columns.mark,
        );
        rows = c.fetch_all(&sql, &[Value::Uuid(Some(invoice))]).await?;
    }
    let sums = Sums::of(&rows, currency, rates)?;
    let issuer = match side {
        Side::Cost => OPERATOR.to_owned(),
        Side::Customer => partner.to_string(),
    };
    let prefix = InvoicePrefix::parse(match side {
        Side::Cost => OPERATOR_PREFIX,
        Side::Customer => PARTNER_PREFIX,
    })
    .map_err(|e| StoreError::Internal(e.to_string()))?;
    c.execute(
        "INSERT INTO invoice_sequences (issuer, last) VALUES ($1, 1) \
         ON CONFLICT (issuer) DO UPDATE SET last = invoice_sequences.last + 1",
        &[Value::from(issuer.as_str())],
    )
    .await?;
    let last = c
        .fetch_one(
            "SELECT last FROM invoice_sequences WHERE issuer = $1",
            &[Value::from(issuer.as_str())],
        )
        .await?
        .int("last")?;
    let sequence = u64::try_from(last).map_err(|_| corrupt("last"))?;
    let number = InvoiceNumber::format(&prefix, sequence, DEFAULT_DIGITS)
        .map_err(|e| StoreError::Internal(e.to_string()))?;
    let invoice_date = month
        .closes_on()
        .map_err(|e| StoreError::Internal(e.to_string()))?;
    let texts = [
        month.start.to_string(),
        month.end.to_string(),
        invoice_date.to_string(),
        sums.subtotal.amount().to_string(),
        sums.tax.amount().to_string(),
        sums.total.amount().to_string(),
    ];
    let side_text = match side {
        Side::Cost => "cost",
        Side::Customer => "customer",
    };
    c.execute(
        "INSERT INTO invoices (id, issuer, number, side, partner_id, customer_id, currency, period_start, period_end, \
         invoice_date, subtotal, tax, total, line_count, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        &[
            Value::Uuid(Some(invoice)),
            Value::from(issuer.as_str()),
            number.as_str().into(),
            side_text.into(),
            id(partner),
            opt_id(customer),
            currency.code().into(),
            Value::from(&texts[0]),
            Value::from(&texts[1]),
            Value::from(&texts[2]),
            Value::from(&texts[3]),
            Value::from(&texts[4]),
            Value::from(&texts[5]),
            i64::try_from(sums.lines).unwrap_or(i64::MAX).into(),
            OffsetDateTime::now_utc().into(),
        ],
    )
    .await?;
    for (country, rate) in &sums.rates {
        let percent = rate.percent().to_string();
        c.execute(
            "INSERT INTO invoice_tax_rates (invoice_id, country, percent) VALUES ($1, $2, $3)",
            &[
                Value::Uuid(Some(invoice)),
                Value::from(country),
                Value::from(&percent),
            ],
        )
        .await?;
    }
    if let Some(customer) = customer {
        let mail = invoice_mail(c, partner, customer, invoice).await?;
        let mail = mail
            .arg("number", number.as_str())
            .arg("start", &texts[0])
            .arg("end", &texts[1])
            .arg("total", &texts[5])
            .arg("currency", currency.code());
        outbox::enqueue(c, &[mail]).await?;
    }
    Ok(true)
}

/// An invoice's party and currency: the partner, the customer on the customer side.
type Group = (PartnerId, Option<CustomerId>, Currency);

/// Invoices written per transaction of a close.
const GROUPS_PER_TRANSACTION: i64 = 200;

/// Up to [`GROUPS_PER_TRANSACTION`] of the (party, currency) groups with charges not yet
/// invoiced on `side` written before `end`, in key order after `after`: an index range of
/// the side's unbilled index.
async fn open_groups(
    c: &mut Conn<'_>,
    side: Side,
    party: &str,
    end: OffsetDateTime,
    after: Option<&Group>,
) -> Result<Vec<Group>, StoreError> {
    let mark = match side {
        Side::Cost => COST.mark,
        Side::Customer => CUSTOMER.mark,
    };
    let mut params = vec![end.into(), GROUPS_PER_TRANSACTION.into()];
    let bound = match (side, after) {
        (_, None) => String::new(),
        (Side::Cost, Some((partner, _, currency))) => {
            params.extend([id(*partner), currency.code().into()]);
            " AND (partner_id, currency) > ($3, $4)".to_owned()
        }
        (Side::Customer, Some((partner, customer, currency))) => {
            let customer = customer.ok_or_else(|| corrupt("customer"))?;
            params.extend([id(*partner), id(customer), currency.code().into()]);
            " AND (partner_id, customer_id, currency) > ($3, $4, $5)".to_owned()
        }
    };
    let sql = format!(
        "SELECT DISTINCT {party}, currency FROM charges WHERE {mark} IS NULL AND created_at < $1{bound} \
         ORDER BY {party}, currency LIMIT $2"
    );
    let rows = c.fetch_all(&sql, &params).await?;
    rows.iter()
        .map(|row| {
            let customer = match side {
                Side::Cost => None,
                Side::Customer => Some(row.uuid("customer_id")?),
            };
            let currency = Currency::parse(&row.text("currency")?).map_err(|_| corrupt("currency"))?;
            Ok((row.uuid("partner_id")?, customer, currency))
        })
        .collect()
}

/// The tax rates by country code.
type Rates = BTreeMap<String, TaxRate>;

/// What an invoice adds up to: its lines' subtotals and their taxes, each line taxed at
/// its customer's country's rate (see [`TaxRate::tax_on`]), and the rates it used.
struct Sums {
    subtotal: Money,
    tax: Money,
    total: Money,
    lines: usize,
    rates: Rates,
}

impl Sums {
    /// The sums of `rows` (`amount`, and `country` where any rate is set) at `rates`.
    fn of(rows: &[Row], currency: Currency, rates: &Rates) -> Result<Self, StoreError> {
        let internal = |e: BillingError| StoreError::Internal(e.to_string());
        let (mut subtotal, mut tax) = (Money::zero(currency), Money::zero(currency));
        let mut used = Rates::new();
        for row in rows {
            let amount = money(row, "amount", currency)?;
            subtotal = subtotal.checked_add(amount).map_err(internal)?;
            if rates.is_empty() {
                continue;
            }
            let country = row.text("country")?;
            if let Some(rate) = rates.get(&country) {
                tax = tax
                    .checked_add(rate.tax_on(amount).map_err(internal)?)
                    .map_err(internal)?;
                used.insert(country, *rate);
            }
        }
        Ok(Self {
            subtotal,
            tax,
            total: subtotal.checked_add(tax).map_err(internal)?,
            lines: rows.len(),
            rates: used,
        })
    }
}

/// "Your invoice is ready", to the customer's contact in its language.
async fn invoice_mail(
    c: &mut Conn<'_>,
    partner: PartnerId,
    customer: CustomerId,
    invoice: Uuid,
) -> Result<Mail, StoreError> {
    let row = c
        .fetch_one(
            "SELECT c.email, c.culture, c.language, p.name FROM customers c, partners p WHERE c.id = $1 AND p.id = $2",
            &[id(customer), id(partner)],
        )
        .await?;
    let locale = Locale::closest(&row.text("culture")?)
        .or(Locale::closest(&row.text("language")?))
        .unwrap_or(Locale::EnUs);
    Ok(
        Mail::new(MailKind::InvoiceReady, &row.text("email")?, locale, partner)
            .arg("partner", row.text("name")?)
            .arg("path", format!("/customer/invoices/{invoice}")),
    )
}

const INVOICE_COLUMNS: &str = "id, number, side, partner_id, customer_id, currency, period_start, period_end, \
    invoice_date, subtotal, tax, total, line_count, created_at";

fn invoice_from(row: &Row) -> Result<InvoiceRecord, StoreError> {
    let currency = Currency::parse(&row.text("currency")?).map_err(|_| corrupt("currency"))?;
    let side = match row.text("side")?.as_str() {
        "cost" => Side::Cost,
        "customer" => Side::Customer,
        _ => return Err(corrupt("side")),
    };
    Ok(InvoiceRecord {
        id: row.uuid("id")?,
        number: row.text("number")?,
        side,
        partner_id: row.uuid("partner_id")?,
        customer_id: row.opt_uuid("customer_id")?,
        currency,
        period: BillingPeriod {
            start: date(row, "period_start")?,
            end: date(row, "period_end")?,
        },
        invoice_date: date(row, "invoice_date")?,
        totals: InvoiceTotals {
            subtotal: money(row, "subtotal", currency)?,
            tax: money(row, "tax", currency)?,
            total: money(row, "total", currency)?,
        },
        line_count: u64::try_from(row.int("line_count")?).map_err(|_| corrupt("line_count"))?,
        created_at: row.time("created_at")?,
    })
}

fn midnight(day: Date) -> OffsetDateTime {
    day.midnight().assume_utc()
}
