//! `window.awscost`: the JavaScript API, speaking the CLI's JSON.
//!
//! - `awscost.compare(workloadJson) → resultJson` — the same JSON as `awscost compare`; on
//!   invalid input, `{"errors":[{"field":"lambda.memory_mb","message":"…"}]}`.
//! - `awscost.sweep(workloadJson) → summaryJson` — runs the whole comparison (every Lambda
//!   memory setting) and returns only the picks: what the widget does on each keystroke.
//! - `awscost.mount(element, options)` — mounts a widget into `element`; `options` (all
//!   optional): `panels` ("lambda,s3" or an array), `region`, `workload` (the CLI's workload, as
//!   an object or JSON text), `compact`. Throws an `Error` naming a bad option.
//! - `awscost.scenarios(scenariosJson, format) → text` — named workloads side by side against a
//!   baseline, as `awscost scenarios` prints them: `format` is `json` (the default), `markdown`
//!   or `csv`; on invalid input, the errors as JSON.
//! - `awscost.grade(exerciseJson, answer) → json` — an exercise file (the scenario JSON with its
//!   `exercise`) graded as `awscost exercise FILE --answer X` prints it; without an answer, the
//!   question worked out (its prompt, answer and steps); on invalid input, the errors as JSON.
//!   `mount`'s options take `exercise` too (the exercise object), as `data-exercise` does.
//! - `awscost.version` — the widget version.

use wasm_bindgen::prelude::*;

/// The comparison for a workload document, or its errors, as JSON.
pub fn compare_json(workload: &str) -> String {
    match awscost::compare_json(workload) {
        Ok(json) => json,
        Err(errors) => serde_json::to_string(&errors).unwrap_or_else(|_| "{}".into()),
    }
}

/// The scenario comparison as text, or its errors as JSON.
pub fn scenarios_json(input: &str, format: Option<String>) -> String {
    let format = format.filter(|f| !f.is_empty());
    match awscost::export::scenarios_text(input, format.as_deref().unwrap_or("json")) {
        Ok(text) => text,
        Err(errors) => serde_json::to_string(&errors).unwrap_or_else(|_| "{}".into()),
    }
}

/// An exercise file graded (or, without an answer, worked out), or its errors, as JSON.
#[cfg(feature = "exercise")]
pub fn grade_json(file: &str, answer: Option<String>) -> String {
    let json = match answer.filter(|a| !a.trim().is_empty()) {
        Some(a) => awscost::exercise::grade_json(file, &a).map(|g| serde_json::to_string(&g)),
        None => awscost::exercise::task_json(file).map(|t| serde_json::to_string(&t)),
    };
    match json {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => "{}".into(),
        Err(errors) => serde_json::to_string(&errors).unwrap_or_else(|_| "{}".into()),
    }
}

/// What `awscost.sweep` returns: the picks of the Lambda sweep.
#[derive(serde::Serialize)]
struct SweepSummary<'a> {
    settings: usize,
    requested: &'a awscost::lambda::Pick,
    cheapest: &'a awscost::lambda::Pick,
    fastest: &'a awscost::lambda::Pick,
}

/// Runs the comparison and returns a small summary (for hosts that only need the picks).
pub fn sweep_json(workload: &str) -> String {
    let result = awscost::Workload::from_json(workload).and_then(|w| awscost::compare(&w));
    let json = match &result {
        Ok(c) => match &c.lambda {
            Some(l) => {
                let requested = awscost::lambda::Pick {
                    memory_mb: l.requested.memory_mb,
                    monthly_usd: l.requested.monthly_usd,
                    duration_us: l.requested.duration_us,
                };
                serde_json::to_string(&SweepSummary {
                    settings: l.options.len(),
                    requested: &requested,
                    cheapest: &l.cheapest,
                    fastest: &l.fastest,
                })
            }
            None => Ok("{}".to_string()),
        },
        Err(errors) => serde_json::to_string(errors),
    };
    json.unwrap_or_else(|_| "{}".into())
}

/// A string option (or an array of strings, joined by commas).
fn text_option(options: &JsValue, key: &str) -> Option<String> {
    let v = js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?;
    if let Some(s) = v.as_string() {
        return Some(s);
    }
    if js_sys::Array::is_array(&v) {
        return Some(String::from(js_sys::Array::from(&v).join(",")));
    }
    if v.is_object() {
        return js_sys::JSON::stringify(&v).ok().map(String::from);
    }
    None
}

/// `awscost.mount(element, options)`.
pub fn mount(element: JsValue, options: JsValue) -> Result<(), JsValue> {
    let element = element.dyn_into::<web_sys::Element>().map_err(|_| {
        js_sys::Error::new("mount: the first argument must be an element of the page.")
    })?;
    let get = |k: &str| {
        if options.is_object() {
            text_option(&options, k)
        } else {
            None
        }
    };
    let (panels, region, workload) = (get("panels"), get("region"), get("workload"));
    let exercise = get("exercise");
    let compact = options.is_object()
        && js_sys::Reflect::get(&options, &JsValue::from_str("compact"))
            .is_ok_and(|v| v.is_truthy());
    let read = crate::embed::read(&crate::embed::EmbedText {
        panels: panels.as_deref(),
        region: region.as_deref(),
        workload: workload.as_deref(),
        compact,
    });
    match read {
        Ok(mut o) => {
            // An exercise that cannot be read is said in the widget, as with `data-exercise`.
            let notice = crate::with_exercise(&mut o, exercise.as_deref());
            crate::mount_with(element, o, false, notice);
            Ok(())
        }
        Err(problem) => Err(js_sys::Error::new(&problem).into()),
    }
}

/// Puts `awscost` on `window`.
pub fn install() {
    let api = js_sys::Object::new();
    let compare = Closure::<dyn Fn(String) -> String>::new(|s: String| compare_json(&s));
    let sweep = Closure::<dyn Fn(String) -> String>::new(|s: String| sweep_json(&s));
    let mount = Closure::<dyn Fn(JsValue, JsValue) -> Result<(), JsValue>>::new(mount);
    let scenarios = Closure::<dyn Fn(String, Option<String>) -> String>::new(|s: String, f| {
        scenarios_json(&s, f)
    });
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&api, &JsValue::from_str(k), v).is_ok();
    #[cfg(feature = "exercise")]
    {
        let grade = Closure::<dyn Fn(String, Option<String>) -> String>::new(|f: String, a| {
            grade_json(&f, a)
        });
        set("grade", grade.as_ref());
        grade.forget();
    }
    let ok = set("compare", compare.as_ref())
        && set("sweep", sweep.as_ref())
        && set("mount", mount.as_ref())
        && set("scenarios", scenarios.as_ref())
        && set("version", &JsValue::from_str(env!("CARGO_PKG_VERSION")));
    // The closures live as long as the page.
    compare.forget();
    sweep.forget();
    mount.forget();
    scenarios.forget();
    if ok {
        let _ = js_sys::Reflect::set(&gloo::utils::window(), &JsValue::from_str("awscost"), &api);
    }
}
