// The camera QR scanner (StartScan / StopScan → Scanned / ScanFailed, core/device.h).
// StartScan loads shell/zygc-camera.js on first use, which opens a full-screen camera
// overlay and decodes frames with BarcodeDetector where the browser has it, else with the
// zygc_scanner wasm module (src/scanner, loaded only then). Neither costs a first visit.
#pragma once
#include <functional>
#include <string>

#include "core/store.h"

namespace zygc::web::scanner {

// Where the answers go (the frame loop's action queue).
void install(std::function<void(Action)> dispatch);
// Performs StartScan / StopScan; false for any other effect.
bool handle(const Effect& effect);

// For window.zygc.debugScanner (tests): {"open":bool,"scanned":"…","failed":"…"} — the
// overlay's state and the last answer the C++ side received.
std::string status_json();

}  // namespace zygc::web::scanner
