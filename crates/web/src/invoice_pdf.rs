//! Invoices as PDF (Partner Center's "statement"), written with krilla in one font that
//! covers every script the product supports, so that a customer named in Chinese or
//! Russian prints as named. The font is a file on the machine (Debian's
//! `fonts-wqy-zenhei` or `fonts-noto-cjk`, or the configured `pdf_font`), read once at
//! start; without one the server says so when it starts and the PDFs answer 503.

use std::path::{Path, PathBuf};

use krilla::Document;
use krilla::geom::Point;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};
use partnerdesk_domain::Locale;

use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::app::AppError;
use crate::app::billing::Statement;
use crate::i18n;
use crate::state::AppState;
use crate::ui::billing::{Side, by_customer, invoice_row};

/// Where Debian puts fonts that cover Latin, Cyrillic and Chinese, in order of preference.
pub const DEFAULT_FONTS: [&str; 3] = [
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
];

/// The font invoices are written in: `configured`, else the first of [`DEFAULT_FONTS`]
/// that exists; the error says what to install or set.
pub fn load_font(configured: Option<&Path>) -> Result<Font, String> {
    let candidates: Vec<PathBuf> = match configured {
        Some(path) => vec![path.to_owned()],
        None => DEFAULT_FONTS.iter().map(PathBuf::from).collect(),
    };
    for path in &candidates {
        if let Ok(data) = std::fs::read(path) {
            return Font::new(data.into(), 0)
                .ok_or_else(|| format!("{} is not a font that PDFs can use", path.display()));
        }
    }
    Err(match configured {
        Some(path) => format!("the configured pdf_font {} can't be read", path.display()),
        None => format!(
            "invoice PDFs need a font covering Latin, Cyrillic and Chinese: install fonts-wqy-zenhei \
             (scripts/browser-deps does) or fonts-noto-cjk, or set pdf_font; looked for {}",
            DEFAULT_FONTS.join(", ")
        ),
    })
}

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 40.0;
const SIZE: f32 = 9.0;
const LINE: f32 = 13.0;
/// Where each column of a line starts: product, charge, dates, quantity, amount, tax.
const COLUMNS: [f32; 6] = [MARGIN, 170.0, 262.0, 387.0, 445.0, 505.0];
/// The most characters of a cell before it is shortened, per column.
const WIDTHS: [usize; 6] = [27, 20, 25, 12, 13, 11];

/// `invoice` as a downloaded PDF, `<number>.pdf`, written off the request threads; 503
/// when the server has no font for it.
pub async fn file(state: &AppState, locale: Locale, statement: Statement) -> Result<Response, AppError> {
    let font = match state.pdf_font.as_ref() {
        Ok(font) => font.clone(),
        Err(problem) => return Err(AppError::Unavailable(problem.clone())),
    };
    let number = statement.invoice.number.clone();
    let pdf = tokio::task::spawn_blocking(move || render(&font, locale, &statement))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(AppError::Internal)?;
    let headers = [
        (header::CONTENT_TYPE, "application/pdf".to_owned()),
        (
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{number}.pdf\""),
        ),
    ];
    Ok((headers, pdf).into_response())
}

/// The statement's invoice with its lines (on its side: the partner's cost or the
/// customer's price), labelled in `locale`.
pub fn render(font: &Font, locale: Locale, statement: &Statement) -> Result<Vec<u8>, String> {
    let Statement {
        invoice,
        from,
        to,
        lines,
    } = statement;
    let side = match invoice.side {
        partnerdesk_domain::billing::Side::Cost => Side::Cost,
        partnerdesk_domain::billing::Side::Customer => Side::Customer,
    };
    let row = invoice_row(locale, invoice);
    let t = |id: &str| i18n::text(locale, id);
    let mut writer = Writer::new(font.clone());
    let heading = i18n::text_with(
        locale,
        "billing-invoice-heading",
        &[("number", partnerdesk_domain::Arg::Text(row.number.clone()))],
    );
    writer.text(MARGIN, &heading, 16.0);
    writer.skip(2.0);
    for (label, value) in [
        (t("pdf-from"), from.clone().unwrap_or_else(|| t("app-name"))),
        (t("pdf-to"), to.to_owned()),
        (t("billing-period"), row.period.clone()),
        (t("billing-invoice-date"), row.date.clone()),
        (t("billing-subtotal"), row.subtotal.clone()),
        (t("billing-tax"), row.tax.clone()),
        (t("billing-total"), row.total.clone()),
    ] {
        writer.text(MARGIN, &label, SIZE);
        writer.same_line(160.0, &value, SIZE);
    }
    let headings = [
        t("billing-product"),
        t("billing-charge"),
        t("billing-dates"),
        t("billing-quantity"),
        t("billing-amount"),
        t("billing-tax"),
    ];
    for group in by_customer(locale, lines, side) {
        writer.skip(1.0);
        writer.text(MARGIN, &group.name, 11.0);
        writer.cells(&headings);
        for line in &group.lines {
            writer.cells(&[
                line.product.clone(),
                line.charge.clone(),
                line.numeric_dates.clone(),
                line.quantity.clone(),
                line.amount.clone(),
                line.tax.clone(),
            ]);
        }
    }
    writer.finish()
}

/// Lines of text down A4 pages, a new page when one is full.
struct Writer {
    font: Font,
    document: Document,
    pages: Vec<Vec<(f32, f32, f32, String)>>,
    y: f32,
}

impl Writer {
    fn new(font: Font) -> Self {
        Self {
            font,
            document: Document::new(),
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    /// Text on a new line at `x`.
    fn text(&mut self, x: f32, text: &str, size: f32) {
        self.y += size.max(SIZE) + (LINE - SIZE);
        if self.y > PAGE_HEIGHT - MARGIN {
            self.pages.push(Vec::new());
            self.y = MARGIN + LINE;
        }
        self.put(x, text, size);
    }

    /// Text on the current line at `x`.
    fn same_line(&mut self, x: f32, text: &str, size: f32) {
        self.put(x, text, size);
    }

    fn put(&mut self, x: f32, text: &str, size: f32) {
        let y = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.push((x, y, size, text.to_owned()));
        }
    }

    fn skip(&mut self, lines: f32) {
        self.y += LINE * lines;
    }

    /// A line of the table, each cell shortened to its column.
    fn cells(&mut self, cells: &[String; 6]) {
        for (i, ((x, width), cell)) in COLUMNS.iter().zip(WIDTHS).zip(cells).enumerate() {
            let text = shorten(cell, width);
            if i == 0 {
                self.text(*x, &text, SIZE);
            } else {
                self.same_line(*x, &text, SIZE);
            }
        }
    }

    fn finish(mut self) -> Result<Vec<u8>, String> {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or("the page size")?;
        for items in &self.pages {
            let mut page = self.document.start_page_with(settings.clone());
            let mut surface = page.surface();
            for (x, y, size, text) in items {
                surface.draw_text(
                    Point::from_xy(*x, *y),
                    self.font.clone(),
                    *size,
                    text,
                    false,
                    TextDirection::Auto,
                );
            }
            surface.finish();
            page.finish();
        }
        self.document
            .finish()
            .map_err(|e| format!("writing a PDF: {e:?}"))
    }
}

/// `text` cut to `width` characters, with an ellipsis when cut.
fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}
