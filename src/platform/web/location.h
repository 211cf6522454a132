// The phone's location and the wall clock for the store: Locate → navigator.geolocation
// (high accuracy, 15 s timeout) → Located / LocateFailed; WantTicks → a JS interval that
// sends Tick(Date.now()); the browser coming back online → Online. The answers arrive
// from JS callbacks and are handed to the store at the next frame (drain).
#pragma once
#include <vector>

#include "core/store.h"

namespace zygc::web::location {

void locate();
void want_ticks(const std::string& owner, int every_ms);  // 0: this owner needs none
void listen_online();           // window 'online' → Online
void drain(std::vector<Action>& out);

}  // namespace zygc::web::location
