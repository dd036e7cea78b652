"""A small window to drag a file from, as a file manager would: the test display has no desktop.

  drag_source.py FILE   shows a 160x120 "drag me" window at x=1220, y=100 on the display and
                        offers FILE as text/uri-list to whatever it is dropped on
"""
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402


def main(path):
    uri = GLib.filename_to_uri(path, None)
    window = Gtk.Window(title="drag source")
    window.set_default_size(160, 120)
    window.move(1220, 100)
    label = Gtk.EventBox()
    label.add(Gtk.Label(label="drag me"))
    label.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
    label.drag_source_add_uri_targets()
    label.connect("drag-data-get", lambda _w, _c, data, _i, _t: data.set_uris([uri]))
    label.connect("drag-end", lambda *_: print("drag ended", flush=True))
    window.add(label)
    window.connect("destroy", Gtk.main_quit)
    window.show_all()
    print("ready", flush=True)
    Gtk.main()


if __name__ == "__main__":
    main(sys.argv[1])
