// Durable storage for the store's StoreDurable effect (the check-in outbox): localStorage,
// which survives reload, app close and the web-view being killed. Read once at start.
#pragma once
#include <string>

namespace zygc::web::durable {

void store(const std::string& key, const std::string& json);  // json "": remove
std::string load(const std::string& key);                     // "" when nothing is stored

}  // namespace zygc::web::durable
