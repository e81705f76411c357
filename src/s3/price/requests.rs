//! "PUT, COPY, POST, LIST requests" and "GET, SELECT and other requests": per 1,000 requests at
//! the class's rates, each citing its own source where the table's lacks it.

use super::{per_1000, Month, Pricer};
use crate::money::{qty, rate as fmt_rate};
use crate::report::{LineItem, SourceRef};
use crate::s3::{ClassRates, PRICING_FILE};

impl Pricer<'_> {
    /// The source of one request rate of a class: its own
    /// [`RateSource`](crate::s3::RateSource) where it has one, else the table's.
    fn rate_src(&self, rates: &ClassRates, field: &str) -> SourceRef {
        let row = format!("{} {} {field}", self.region, rates.class.code());
        match rates.rate_sources.iter().find(|x| x.rate == field) {
            Some(x) => SourceRef {
                table: PRICING_FILE.into(),
                row,
                url: x.source.clone(),
                as_of: x.as_of.clone(),
            },
            None => SourceRef {
                table: PRICING_FILE.into(),
                row,
                url: self.table.source.clone(),
                as_of: self.table.as_of.clone(),
            },
        }
    }

    /// The month's request lines; a missing rate is noted only when there are such requests.
    pub(super) fn requests(&self, m: &mut Month, rates: &ClassRates) {
        let class = m.class;
        let s = self.spec;
        for (what, label, count, rate) in [
            (
                "PUT, COPY, POST and LIST requests",
                "PUT, COPY, POST, LIST requests",
                s.puts,
                rates.put_per_1000,
            ),
            (
                "GET, SELECT and other requests",
                "GET, SELECT and other requests",
                s.gets,
                rates.get_per_1000,
            ),
        ] {
            if count.is_zero() {
                continue;
            }
            match rate {
                Some(r) => m.requests.push(LineItem::priced(
                    label,
                    per_1000(count),
                    "1,000 requests",
                    r,
                    "USD per 1,000 requests",
                    format!(
                        "{} requests ÷ 1,000 × {} per 1,000",
                        qty(count),
                        fmt_rate(r)
                    ),
                    self.rate_src(
                        rates,
                        if label.starts_with("PUT") {
                            "put_per_1000"
                        } else {
                            "get_per_1000"
                        },
                    ),
                )),
                None => m.missing.push(self.no_rate(class, what)),
            }
        }
    }
}
