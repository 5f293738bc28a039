//! The offer catalog for a country, with names in the language of `X-Locale`.

use axum::Json;
use axum::extract::{Path, State};
use partnerdesk_domain::country::CountryCode;
use partnerdesk_domain::partner::Permission;
use partnerdesk_domain::{Field, OfferId, Rule};
use serde::Deserialize;

use crate::api::auth::{ApiCaller, Lang};
use crate::api::error::ApiError;
use crate::api::query::{self, ApiQuery};
use crate::api::resources::Collection;
use crate::api::resources::catalog::{CategoryResource, OfferResource};
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct OfferParams {
    /// The customer's country: an ISO 3166 alpha-2 code in capitals.
    #[param(required = true)]
    country: Option<String>,
    /// Only offers of this category.
    offer_category_id: Option<String>,
    /// Offers to skip.
    #[param(value_type = Option<u32>, minimum = 0)]
    offset: Option<String>,
    /// Offers per page.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    size: Option<String>,
}

/// The one parameter of an offer and of the categories: the customer's country.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub(crate) struct CountryParams {
    /// The customer's country: an ISO 3166 alpha-2 code in capitals.
    #[param(required = true)]
    country: Option<String>,
}

/// The `country` parameter: a known code, exactly as written in ISO 3166.
fn country(raw: Option<&str>) -> Result<CountryCode, ApiError> {
    let refused = |rule| ApiError::Invalid(vec![(Field::Country.name().to_owned(), rule)]);
    let raw = raw.unwrap_or("");
    let code = CountryCode::parse(raw).map_err(refused)?;
    if code.as_str() == raw {
        Ok(code)
    } else {
        Err(refused(Rule::CountryUnknown { suggestion: None }))
    }
}

/// `offset` and `size`: which offers of the list.
fn window(params: &OfferParams) -> Result<(usize, usize), ApiError> {
    let offset = query::number(
        params.offset.as_deref(),
        0,
        (0, u32::MAX),
        "offset",
        "query-offset",
    )?;
    let size = query::number(params.size.as_deref(), 1000, (1, 1000), "size", "query-size")?;
    Ok((offset as usize, size as usize))
}

/// List the offers for a country
#[utoipa::path(
    get,
    path = "/v1/offers",
    tag = "Offers",
    params(OfferParams, ("X-Locale" = Option<String>, Header, description = "Language of names and descriptions")),
    responses((status = 200, description = "Offers by category rank and rank", body = Collection<OfferResource>)),
    security(("bearer" = []))
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    ApiQuery(params): ApiQuery<OfferParams>,
) -> Result<Json<Collection<OfferResource>>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let country = country(params.country.as_deref())?;
    let (offset, size) = window(&params)?;
    let category = params.offer_category_id.as_deref();
    let catalog = state.store.catalog().await?;
    let items = catalog
        .offers_in(country)
        .into_iter()
        .filter(|o| category.is_none_or(|c| o.category.eq_ignore_ascii_case(c)))
        .skip(offset)
        .take(size)
        .map(|o| OfferResource::new(o, &catalog, locale, country))
        .collect();
    Ok(Json(Collection::new(items, format!("/offers?country={country}"))))
}

/// Get an offer
#[utoipa::path(
    get,
    path = "/v1/offers/{offer}",
    tag = "Offers",
    params(("offer" = String, Path, description = "Offer id"), CountryParams),
    responses(
        (status = 200, description = "The offer", body = OfferResource),
        (status = 404, description = "No such offer in this country", body = crate::api::error::ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn get(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    Path(offer): Path<String>,
    ApiQuery(params): ApiQuery<CountryParams>,
) -> Result<Json<OfferResource>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let country = country(params.country.as_deref())?;
    let catalog = state.store.catalog().await?;
    let offer = OfferId::parse(&offer)
        .and_then(|id| catalog.offer(&id))
        .filter(|o| o.available_in(country))
        .ok_or(ApiError::NotFound("api-offer-not-found"))?;
    Ok(Json(OfferResource::new(offer, &catalog, locale, country)))
}

/// List an offer's add-ons
#[utoipa::path(
    get,
    path = "/v1/offers/{offer}/addons",
    tag = "Offers",
    params(("offer" = String, Path, description = "Offer id"), OfferParams),
    responses((status = 200, description = "The add-ons that can be bought for it", body = Collection<OfferResource>)),
    security(("bearer" = []))
)]
pub(crate) async fn add_ons(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    Path(offer): Path<String>,
    ApiQuery(params): ApiQuery<OfferParams>,
) -> Result<Json<Collection<OfferResource>>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let country = country(params.country.as_deref())?;
    let (offset, size) = window(&params)?;
    let catalog = state.store.catalog().await?;
    let id = OfferId::parse(&offer)
        .filter(|id| catalog.offer(id).is_some_and(|o| o.available_in(country)))
        .ok_or(ApiError::NotFound("api-offer-not-found"))?;
    let items = catalog
        .add_ons_of(&id, country)
        .into_iter()
        .skip(offset)
        .take(size)
        .map(|o| OfferResource::new(o, &catalog, locale, country))
        .collect();
    Ok(Json(Collection::new(
        items,
        format!("/offers/{id}/addons?country={country}"),
    )))
}

/// List the offer categories for a country
#[utoipa::path(
    get,
    path = "/v1/offercategories",
    tag = "Offers",
    params(CountryParams),
    responses((status = 200, description = "Categories with offers in the country", body = Collection<CategoryResource>)),
    security(("bearer" = []))
)]
pub(crate) async fn categories(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Lang(locale): Lang,
    ApiQuery(params): ApiQuery<CountryParams>,
) -> Result<Json<Collection<CategoryResource>>, ApiError> {
    caller.require(Permission::ViewCustomers)?;
    let country = country(params.country.as_deref())?;
    let catalog = state.store.catalog().await?;
    let items = catalog
        .categories_in(country)
        .into_iter()
        .map(|c| CategoryResource::new(c, locale, country))
        .collect();
    Ok(Json(Collection::new(
        items,
        format!("/offercategories?country={country}"),
    )))
}
