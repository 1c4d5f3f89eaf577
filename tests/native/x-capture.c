/*
 * Captures an X display for the editor tests: the top-level window whose name contains NAME (its
 * whole area, with what is embedded in it) as a PNG, and counts its pixels of the editor's panel
 * colours (the generated meter face), so a test can tell Gainstage's own editor from a generic UI.
 *   x-capture NAME OUT.png   → {"found": true, "width": …, "height": …, "facePixels": …}
 */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <cairo/cairo.h>
#include <stdio.h>
#include <string.h>

#include "gainstage-contract.h"

static Window find(Display *display, Window window, const char *name) {
  char *title = NULL;
  if (XFetchName(display, window, &title) && title) {
    const int match = strstr(title, name) != NULL;
    XFree(title);
    if (match) return window;
  }
  Window root, parent, *children = NULL, found = 0;
  unsigned int count = 0;
  if (XQueryTree(display, window, &root, &parent, &children, &count))
    for (unsigned int i = 0; i < count && !found; i++) found = find(display, children[i], name);
  if (children) XFree(children);
  return found;
}

static unsigned rgb(gs_rgba c) { return (unsigned)(c.r * 255 + 0.5) << 16 | (unsigned)(c.g * 255 + 0.5) << 8 | (unsigned)(c.b * 255 + 0.5); }

int main(int argc, char **argv) {
  Display *display = XOpenDisplay(NULL);
  if (argc < 3 || !display) return 2;
  const Window window = find(display, DefaultRootWindow(display), argv[1]);
  if (!window) return printf("{\"found\": false}\n"), 0;
  XWindowAttributes a;
  XGetWindowAttributes(display, window, &a);
  XImage *image = XGetImage(display, window, 0, 0, (unsigned)a.width, (unsigned)a.height, AllPlanes, ZPixmap);
  cairo_surface_t *png = cairo_image_surface_create(CAIRO_FORMAT_RGB24, a.width, a.height);
  const unsigned face[] = {rgb(GS_FACE_PANEL_BG), rgb(GS_FACE_PANEL_PANEL), rgb(GS_FACE_PANEL_ACCENT)};
  long face_pixels = 0;
  for (int y = 0; y < a.height; y++)
    for (int x = 0; x < a.width; x++) {
      const unsigned pixel = (unsigned)XGetPixel(image, x, y) & 0xFFFFFF;
      ((unsigned *)(cairo_image_surface_get_data(png) + y * cairo_image_surface_get_stride(png)))[x] = pixel;
      for (int k = 0; k < 3; k++) face_pixels += pixel == face[k];
    }
  cairo_surface_mark_dirty(png);
  cairo_surface_write_to_png(png, argv[2]);
  printf("{\"found\": true, \"width\": %d, \"height\": %d, \"facePixels\": %ld}\n", a.width, a.height, face_pixels);
  return 0;
}
