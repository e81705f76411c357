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
//! - `awscost.explore(requestJson) → json` — in the module with the explorers (`load('explore')`):
//!   the trade-off explorers a request asks for (the workload and `alternatives`,
//!   `lambda_to_ec2`, `spot_interruptions`), as `awscost explore` prints them; on invalid input,
//!   the errors as JSON.
//! - `awscost.memory() → bytes` — the module's WebAssembly memory (for soak tests).
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

/// The explorers a request asks for, or its errors, as JSON.
#[cfg(feature = "explore")]
pub fn explore_json(request: &str) -> String {
    match awscost::explore::explore_json(request) {
        Ok(json) => json,
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
    if element.has_attribute(crate::MOUNTED_ATTR) {
        return Err(js_sys::Error::new(
            "mount: this element already holds a widget; give each widget an element of its own.",
        )
        .into());
    }
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
    let compare = Closure::<dyn Fn(JsValue) -> String>::new(|v: JsValue| {
        json_text(&v, "workload").map_or_else(|e| e, |s| compare_json(&s))
    });
    let sweep = Closure::<dyn Fn(JsValue) -> String>::new(|v: JsValue| {
        json_text(&v, "workload").map_or_else(|e| e, |s| sweep_json(&s))
    });
    let mount = Closure::<dyn Fn(JsValue, JsValue) -> Result<(), JsValue>>::new(mount);
    let scenarios = Closure::<dyn Fn(JsValue, JsValue) -> String>::new(|v: JsValue, f: JsValue| {
        json_text(&v, "scenarios").map_or_else(|e| e, |s| scenarios_json(&s, f.as_string()))
    });
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&api, &JsValue::from_str(k), v).is_ok();
    // In the module with the explorers only (`load('explore')` brings it): their engines and
    // JSON are most of that module's size over the full one.
    #[cfg(feature = "explore")]
    {
        let explore = Closure::<dyn Fn(JsValue) -> String>::new(|v: JsValue| {
            json_text(&v, "explore request").map_or_else(|e| e, |s| explore_json(&s))
        });
        set("explore", explore.as_ref());
        explore.forget();
    }
    #[cfg(feature = "exercise")]
    {
        let grade = Closure::<dyn Fn(JsValue, JsValue) -> String>::new(|v: JsValue, a: JsValue| {
            // A number answers as its text (18.73).
            let answer = a.as_string().or_else(|| a.as_f64().map(|n| n.to_string()));
            json_text(&v, "exercise").map_or_else(|e| e, |s| grade_json(&s, answer))
        });
        set("grade", grade.as_ref());
        grade.forget();
    }
    // The module's WebAssembly memory in bytes (it grows, never shrinks): for soak tests.
    let memory = Closure::<dyn Fn() -> f64>::new(|| {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .map_or(0.0, |m| {
                m.buffer()
                    .dyn_into::<js_sys::ArrayBuffer>()
                    .map_or(0.0, |b| f64::from(b.byte_length()))
            })
    });
    set("memory", memory.as_ref());
    memory.forget();
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

/// A document given as JSON text, or as an object (written out as JSON); anything else (a
/// number, `undefined`, `null`) is the documented error, as JSON naming no field.
fn json_text(v: &JsValue, what: &str) -> Result<String, String> {
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    if v.is_object() {
        if let Some(s) = js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string()) {
            return Ok(s);
        }
    }
    let errors = awscost::InputErrors::one(awscost::FieldError::new(
        "",
        awscost::Problem::Malformed(format!("Give the {what} as JSON text or as an object.")),
    ));
    Err(serde_json::to_string(&errors).unwrap_or_else(|_| "{}".into()))
}
