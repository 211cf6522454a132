#include "core/runtime.h"

namespace zygc {

void Runtime::run(std::vector<Effect> effects) {
    for (Effect& e : effects) {
        if (auto* hash = std::get_if<SetUrlHash>(&e)) {
            if (hash->replace && host_.replace_hash) host_.replace_hash(hash->hash);
            else if (host_.set_hash) host_.set_hash(hash->hash);
            continue;
        }
        if (auto* back = std::get_if<GoBack>(&e)) {
            if (host_.go_back) host_.go_back(back->fallback_hash);
            else if (host_.set_hash) host_.set_hash(back->fallback_hash);
            continue;
        }
        if (auto* save = std::get_if<SaveSettings>(&e)) {
            if (host_.save_settings) host_.save_settings(save->settings);
            continue;
        }
        auto* send = std::get_if<SendRequest>(&e);
        if (!send) {
            if (host_.device) host_.device(e);
            continue;
        }
        auto& req = *send;
        Target target = req.target;
        uint64_t id = req.request;
        transport_.send(req.http, [this, target, id](HttpResponse r) {
            dispatch(Received{target, id, std::move(r)});
        });
    }
}

}  // namespace zygc
