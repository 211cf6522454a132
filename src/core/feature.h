// What the feature modules (navigation, catalogue, account, signups, teams, publishing)
// share: starting a request, taking its answer, loading a target, going to a route.
// Included by the modules' .cpp files only; views use store.h.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/store.h"

namespace zygc {

// Marks a Remote as loading under a fresh request id and describes the request.
template <class T>
SendRequest begin(State& s, Remote<T>& remote, Target target, HttpRequest http, std::string key = {}) {
    remote.start(s.next_request++, std::move(key));
    return {target, remote.request(), std::move(http)};
}

// Applies an answer to a Remote and returns it; nullopt when it answers a superseded request.
template <class T>
std::optional<ApiResult<T>> take(Remote<T>& remote, const Received& a) {
    if (!remote.answers(a.request)) return std::nullopt;
    ApiResult<T> r = read_response<T>(a.response);
    if (r.ok()) remote.succeed(*r.value, a.response.etag);
    else remote.fail(r.error);
    return r;
}

// take() for an answer that is only kept: its value moves into the Remote, not copied (a
// page of projects is a few hundred strings). False when it answers a superseded request.
template <class T>
bool fill(Remote<T>& remote, const Received& a) {
    if (!remote.answers(a.request)) return false;
    ApiResult<T> r = read_response<T>(a.response);
    if (r.ok()) remote.succeed(std::move(*r.value), a.response.etag);
    else remote.fail(r.error);
    return true;
}

// For requests whose answer carries no data we keep: the error, or an Http error with a
// 2xx status when it worked (ok_status); nullopt for a superseded answer.
std::optional<ApiError> take_status(Remote<bool>& remote, const Received& a);
bool ok_status(const ApiError& e);
// The server's problem as a message: its code and params (and Chinese detail); an old
// server's detail alone; else the fallback code.
Message problem_message(const ApiError& e, const char* fallback_code);

// A UUID-shaped Idempotency-Key, unique per device and attempt (store.cpp).
std::string next_key(State& s);
void append(Effects& out, Effects more);

// The request that (re)loads a target now; nothing when it is not a load or not wanted
// on this route (store.cpp, from its target table).
Effects load(State& s, Target t);
// Loads a target unless it is loaded (the one the route wants) or on its way.
void ensure(State& s, Target t, Effects& out);

// navigation.cpp
void go(State& s, const Route& r, Effects& out);          // sets the route and the URL, loads
void go_to_login(State& s, Effects& out);                 // and come back here afterwards
void load_screen(State& s, Effects& out);                 // what the current screen needs
bool redirect_to_login(State& s, Effects& out);           // a login-only screen while logged out

// The answer to a list's next page (加载更多), read: `more` says how it went (logged out: to
// the login); nullopt when it failed or answers a superseded request.
template <class T>
std::optional<T> take_more(State& s, Remote<bool>& more, const Received& a, Effects& out) {
    if (!more.answers(a.request)) return std::nullopt;
    ApiResult<T> r = read_response<T>(a.response);
    if (!r.ok()) {
        if (r.error.status == 401) go_to_login(s, out);
        else more.fail(std::move(r.error));
        return std::nullopt;
    }
    more.succeed(true);
    return std::move(*r.value);
}

// The next page of a list shown in part: its `items` appended to those shown, the rest of the
// answer (totals, the cursor) the newest.
template <class T, class Item>
void take_page(State& s, Remote<T>& list, std::vector<Item> T::*items, Remote<bool>& more, const Received& a,
               Effects& out) {
    std::optional<T> page = take_more<T>(s, more, a, out);
    if (!page) return;
    std::vector<Item> shown = std::move(list.edit().*items);
    for (Item& x : (*page).*items) shown.push_back(std::move(x));
    list.edit() = std::move(*page);
    list.edit().*items = std::move(shown);
}

}  // namespace zygc
