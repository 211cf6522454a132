// The URL and the browser's history: the app's route lives in location.hash.
//
// Every entry the app makes carries {zygc: depth}: how many entries of this visit lie below
// it. The app's back is history.back() while depth > 0; at depth 0 it replaces the entry with
// the fallback (the parent screen), so the app's back never leaves the app. A deep link gets
// its parent and home underneath on first load, so the browser's (or WeChat's) back walks up.
#pragma once
#include <string>

namespace zygc::web::history {

std::string location_hash();                  // "#/projects/12", "" when none
void init(const std::string& parent_hash);    // first load: parent and home under a deep link
void listen();                                // hashchange and popstate mark the URL changed
bool take_changed();                          // true once after the URL changed outside the app
void push(const std::string& hash);           // the app navigated: a new entry (no hashchange)
void replace(const std::string& hash);        // search typing: the current entry's URL follows the list's search
void back(const std::string& fallback_hash);  // the app's back arrow
std::string take_wechat_code();               // ?code=… once, removed from the URL ("" if none)

}  // namespace zygc::web::history
