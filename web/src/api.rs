//! `window.awscost`: the JavaScript API, speaking the CLI's JSON.
//!
//! - `awscost.compare(workloadJson) → resultJson` — the same JSON as `awscost compare`; on
//!   invalid input, `{"errors":[{"field":"lambda.memory_mb","message":"…"}]}`.
//! - `awscost.sweep(workloadJson) → summaryJson` — runs the whole comparison (every Lambda
//!   memory setting) and returns only the picks: what the widget does on each keystroke.
//! - `awscost.version` — the widget version.

use wasm_bindgen::prelude::*;

/// The comparison for a workload document, or its errors, as JSON.
pub fn compare_json(workload: &str) -> String {
    match awscost::compare_json(workload) {
        Ok(json) => json,
        Err(errors) => serde_json::to_string(&errors).unwrap_or_else(|_| "{}".into()),
    }
}

/// Runs the comparison and returns a small summary (for hosts that only need the picks).
pub fn sweep_json(workload: &str) -> String {
    let result = awscost::Workload::from_json(workload).and_then(|w| awscost::compare(&w));
    match result {
        Ok(c) => {
            let summary = c.lambda.as_ref().map(|l| {
                serde_json::json!({
                    "settings": l.options.len(),
                    "requested": {"memory_mb": l.requested.memory_mb, "monthly_usd": l.requested.monthly_usd},
                    "cheapest": l.cheapest,
                    "fastest": l.fastest,
                })
            });
            serde_json::json!({ "lambda": summary }).to_string()
        }
        Err(errors) => serde_json::to_string(&errors).unwrap_or_else(|_| "{}".into()),
    }
}

/// Puts `awscost` on `window`.
pub fn install() {
    let api = js_sys::Object::new();
    let compare = Closure::<dyn Fn(String) -> String>::new(|s: String| compare_json(&s));
    let sweep = Closure::<dyn Fn(String) -> String>::new(|s: String| sweep_json(&s));
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&api, &JsValue::from_str(k), v).is_ok();
    let ok = set("compare", compare.as_ref())
        && set("sweep", sweep.as_ref())
        && set("version", &JsValue::from_str(env!("CARGO_PKG_VERSION")));
    // The closures live as long as the page.
    compare.forget();
    sweep.forget();
    if ok {
        let _ = js_sys::Reflect::set(&gloo::utils::window(), &JsValue::from_str("awscost"), &api);
    }
}
