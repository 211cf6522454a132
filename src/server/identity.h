// 实名注册 and its in-person verification (routes_identity.cpp; design in docs/security.md).
#pragma once
#include <httplib.h>

#include "server/app.h"

namespace zygc::server {

void put_volunteer(App& app, const httplib::Request& req, httplib::Response& res);         // PUT /me/volunteer
void get_identity_appeals(App& app, const httplib::Request& req, httplib::Response& res);  // GET /identity-appeals
void post_appeal_decision(App& app, const httplib::Request& req, httplib::Response& res);  // POST …/{id}/decision

}  // namespace zygc::server
