//! The kinds of charge line: the reconciliation file's new-commerce `ChargeType` values
//! (facts file A5), spelled as Partner Center writes them.

use std::str::FromStr;

/// The reconciliation file's new-commerce `ChargeType` values (facts file A5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChargeType {
    New,
    Renew,
    CycleCharge,
    AddQuantity,
    RemoveQuantity,
    MoveQuantity,
    CancelImmediate,
    Convert,
    ChangeBillingPlan,
    CustomerCredit,
    ExtendTerm,
}

impl ChargeType {
    pub const ALL: [ChargeType; 11] = [
        ChargeType::New,
        ChargeType::Renew,
        ChargeType::CycleCharge,
        ChargeType::AddQuantity,
        ChargeType::RemoveQuantity,
        ChargeType::MoveQuantity,
        ChargeType::CancelImmediate,
        ChargeType::Convert,
        ChargeType::ChangeBillingPlan,
        ChargeType::CustomerCredit,
        ChargeType::ExtendTerm,
    ];

    /// The value as the reconciliation file writes it (`cycleCharge`).
    pub fn as_str(self) -> &'static str {
        match self {
            ChargeType::New => "new",
            ChargeType::Renew => "renew",
            ChargeType::CycleCharge => "cycleCharge",
            ChargeType::AddQuantity => "addQuantity",
            ChargeType::RemoveQuantity => "removeQuantity",
            ChargeType::MoveQuantity => "moveQuantity",
            ChargeType::CancelImmediate => "cancelImmediate",
            ChargeType::Convert => "convert",
            ChargeType::ChangeBillingPlan => "changeBillingPlan",
            ChargeType::CustomerCredit => "customerCredit",
            ChargeType::ExtendTerm => "extendTerm",
        }
    }
}

impl FromStr for ChargeType {
    type Err = ();

    /// Parses the reconciliation file's spelling, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ChargeType::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charge_types_keep_the_reconciliation_files_spelling() {
        for t in ChargeType::ALL {
            assert_eq!(t.as_str().parse(), Ok(t));
        }
        assert_eq!(ChargeType::CycleCharge.as_str(), "cycleCharge");
        assert_eq!("CANCELIMMEDIATE".parse(), Ok(ChargeType::CancelImmediate));
        assert_eq!("purchase".parse::<ChargeType>(), Err(()));
    }
}
