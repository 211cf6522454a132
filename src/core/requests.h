// Requests of the feature modules that build their own (certification, points, eldercare,
// help, dashboard): GETs, and JSON bodies with the CSRF header (and an Idempotency-Key when
// one is given).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/http.h"

namespace zygc::requests {

inline HttpRequest get(std::string path) {
    HttpRequest r;
    r.path = std::move(path);
    r.headers.push_back({"Accept", "application/json"});
    return r;
}

inline HttpRequest send(const char* method, std::string path, const nlohmann::json& body, const std::string& key = {}) {
    HttpRequest r;
    r.method = method;
    r.path = std::move(path);
    r.headers.push_back({"Accept", "application/json"});
    r.headers.push_back({"X-Requested-With", "zygc"});
    r.headers.push_back({"Content-Type", "application/json"});
    if (!key.empty()) r.headers.push_back({"Idempotency-Key", key});
    r.body = body.dump();
    return r;
}

inline HttpRequest post(std::string path, const nlohmann::json& body, const std::string& key = {}) {
    return send("POST", std::move(path), body, key);
}

}  // namespace zygc::requests
