// The frame loop sleeps when nothing changes (main.cpp). A device answer that arrives
// outside a DOM event (a position fix, a tick, a scan result) wakes it with zygc_wake().
#pragma once

extern "C" void zygc_wake();

// One frame to see whether the picture changed, not itself a change: glyphs made in idle time
// (glyphs.cpp) show in text that was drawn without them, and the loop sleeps again if none did.
extern "C" void zygc_look_again();
