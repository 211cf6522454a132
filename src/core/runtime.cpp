#include "core/runtime.h"

namespace zygc {

void Runtime::run(std::vector<Effect> effects) {
    for (Effect& e : effects) {
        if (auto* hash = std::get_if<SetUrlHash>(&e)) {
            if (set_hash_) set_hash_(hash->hash);
            continue;
        }
        auto& req = std::get<SendRequest>(e);
        Target target = req.target;
        uint64_t id = req.request;
        transport_.send(req.http, [this, target, id](HttpResponse r) {
            dispatch(Received{target, id, std::move(r)});
        });
    }
}

}  // namespace zygc
