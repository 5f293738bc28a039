//! Tax: the operator's rate per customer country (`tax_rates`; prices are tax-exclusive,
//! and a country without a rate is taxed at none). A month's close copies the rates of its
//! lines' countries onto the invoice (`invoice_tax_rates`), so that a closed invoice keeps
//! them whatever changes later; unbilled lines are shown at today's rates.

use partnerdesk_domain::billing::TaxRate;
use partnerdesk_domain::country::CountryCode;
use time::OffsetDateTime;

use crate::Store;
use crate::db::{Row, Value};
use crate::error::StoreError;
use crate::ops::charges::corrupt;

impl Store {
    /// Every country's rate, by country code.
    pub async fn tax_rates(&self) -> Result<Vec<(CountryCode, TaxRate)>, StoreError> {
        self.read(|c| {
            Box::pin(async move {
                let rows = c
                    .fetch_all("SELECT country, percent FROM tax_rates ORDER BY country", &[])
                    .await?;
                rows.iter()
                    .map(|row| {
                        let country =
                            CountryCode::parse(&row.text("country")?).map_err(|_| corrupt("country"))?;
                        Ok((country, percent(row)?))
                    })
                    .collect()
            })
        })
        .await
    }

    /// Sets `country`'s rate, or removes it (`None`: taxed at none from now on). Invoices
    /// already closed keep the rates they were closed with.
    pub async fn set_tax_rate(&self, country: CountryCode, rate: Option<TaxRate>) -> Result<(), StoreError> {
        self.write_with(country, move |c, country| {
            Box::pin(async move {
                let code = Value::from(country.as_str());
                match rate {
                    Some(rate) => {
                        let percent = rate.percent().to_string();
                        c.execute(
                            "INSERT INTO tax_rates (country, percent, updated_at) VALUES ($1, $2, $3) \
                             ON CONFLICT (country) DO UPDATE SET percent = excluded.percent, \
                             updated_at = excluded.updated_at",
                            &[code, Value::from(&percent), OffsetDateTime::now_utc().into()],
                        )
                        .await?;
                    }
                    None => {
                        c.execute("DELETE FROM tax_rates WHERE country = $1", &[code])
                            .await?;
                    }
                }
                Ok(())
            })
        })
        .await
    }
}

/// The rate in a row's `percent` column; none where the column is NULL (no rate).
pub(crate) fn percent(row: &Row) -> Result<TaxRate, StoreError> {
    match row.opt_text("percent")? {
        Some(text) => TaxRate::parse(&text).map_err(|_| corrupt("percent")),
        None => Ok(TaxRate::NONE),
    }
}
