// Runs the store: dispatch(action) → update → effects. Requests go out through the
// Transport; their responses come back as Received actions. Hash changes go to a callback
// supplied by the platform.
#pragma once
#include <functional>

#include "http.h"
#include "store.h"

namespace zygc {

class Runtime {
public:
    Runtime(Transport& transport, std::function<void(const std::string&)> set_hash)
        : transport_(transport), set_hash_(std::move(set_hash)) {}

    const State& state() const { return state_; }
    void start(const Route& route, uint64_t key_seed = 0) { run(zygc::start(state_, route, key_seed)); }
    void dispatch(const Action& action) { run(update(state_, action)); }

private:
    void run(std::vector<Effect> effects);

    State state_;
    Transport& transport_;
    std::function<void(const std::string&)> set_hash_;
};

}  // namespace zygc
