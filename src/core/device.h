// Device services the platform performs for the store: the camera's QR scanner, the
// phone's location, the wall clock, durable storage (the check-in outbox) and saving an
// image. The store asks with an effect; the platform answers with an action. Each has a
// native twin in the tests (tests/ui/app_fixture.h records the effects).
#pragma once
#include <cstdint>
#include <string>

namespace zygc {

// ---- effects (store → platform) ----
struct StartScan {};  // open the camera overlay; load the scanner module on first use
struct StopScan {};   // close it (the store got what it wanted, or the user left)
struct Locate {};     // one position fix (navigator.geolocation)
// Persist `json` under `key` before anything it describes is sent (localStorage or
// IndexedDB); survives reload, app close and the web-view being killed. Empty json: delete.
struct StoreDurable { std::string key; std::string json; };
// Render an image of kind ("certificate") from `json` and offer it to the user: an <img>
// to long-press inside WeChat, a download elsewhere.
struct SaveImage { std::string kind; std::string json; std::string file_name; };
// `owner` (a feature's name) asks for Tick actions every `every_ms` (0: it needs none).
// The platform ticks at the shortest period any owner asks for, and not at all when none
// does, so an idle app does no work.
struct WantTicks { int every_ms = 0; std::string owner; };

// ---- actions (platform → store) ----
struct Scanned { std::string text; };
// "permission_denied" | "no_camera" | "unsupported" | "cancelled" | "load_failed"
struct ScanFailed { std::string reason; };
struct Located { double lat = 0, lng = 0, accuracy_m = 0; };
// "permission_denied" | "unavailable" | "timeout" | "unsupported"
struct LocateFailed { std::string reason; };
// The wall clock, ms since the Unix epoch.
struct Tick { int64_t now_ms = 0; };

}  // namespace zygc

// ---- images (issue 10): pictures the views draw, decoded by the platform into textures ----
namespace zygc {
// effects (store → platform)
struct LoadImage { std::string url; };                    // fetch, decode, upload: ImageLoaded/ImageFailed
struct FreeImage { std::string url; uint32_t texture = 0; };  // the store let it go: free the texture
// actions
struct WantImage { std::string url; };  // a view is about to draw it (views → store)
struct ImageLoaded { std::string url; uint32_t texture = 0; int w = 0, h = 0; };  // platform → store
struct ImageFailed { std::string url; std::string reason; };  // "http_404", "network", "decode"
}  // namespace zygc
