//! Spot ranges from SkyPilot's `vms.csv`, for the types the catalog has none for.

use super::rows::{field, num, rows};
use crate::ec2::SpotRange;
use crate::ec2_import::ImportError;
use crate::pricing::Region;
use std::collections::BTreeMap;

/// Spot ranges per (region, type) from SkyPilot's `vms.csv`.
pub(super) fn skypilot_ranges(
    text: &str,
) -> Result<BTreeMap<(Region, String), SpotRange>, ImportError> {
    let mut out: BTreeMap<(Region, String), SpotRange> = BTreeMap::new();
    for r in rows("SkyPilot vms.csv", text)? {
        let what = "SkyPilot vms.csv";
        let Some(region) = Region::from_code(field(what, &r, "Region")?) else {
            continue;
        };
        let Some(p) = num(what, &r, "SpotPrice")? else {
            continue;
        };
        let name = field(what, &r, "InstanceType")?.to_string();
        out.entry((region, name))
            .and_modify(|s| {
                s.low = s.low.min(p);
                s.high = s.high.max(p);
                s.azs += 1;
            })
            .or_insert(SpotRange {
                low: p,
                high: p,
                azs: 1,
            });
    }
    Ok(out)
}
