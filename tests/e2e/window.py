"""Acts on Jobhound's top-level X window as a window manager would (the test display has none).

  window.py state   prints "mapped", "hidden" or "none"
  window.py close   sends WM_DELETE_WINDOW, what a title bar's close button sends
"""
import sys

from Xlib import X, display, protocol


def windows(root):
    found = []
    stack = [root]
    while stack:
        window = stack.pop()
        try:
            if window.get_wm_name() == "Jobhound":
                found.append(window)
            stack.extend(window.query_tree().children)
        except Exception:  # a window that vanished while we looked
            continue
    return found


def main():
    screen = display.Display()
    found = windows(screen.screen().root)
    if sys.argv[1] == "state":
        if not found:
            print("none")
        else:
            mapped = any(w.get_attributes().map_state == X.IsViewable for w in found)
            print("mapped" if mapped else "hidden")
    elif sys.argv[1] == "close":
        protocols = screen.intern_atom("WM_PROTOCOLS")
        delete = screen.intern_atom("WM_DELETE_WINDOW")
        for window in found:
            event = protocol.event.ClientMessage(
                window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
            )
            window.send_event(event, event_mask=X.NoEventMask)
        screen.flush()
        print(len(found))


main()
