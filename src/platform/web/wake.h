// The frame loop sleeps when nothing changes (main.cpp). A device answer that arrives
// outside a DOM event (a position fix, a tick, a scan result) wakes it with zygc_wake().
#pragma once

extern "C" void zygc_wake();
