#!/bin/sh
# Install the judging app for the current user (no root, no network), and register its file types
# so that double-clicking a .dlgbundle (or .dlgcontest) opens it in the app.
#
#   ./install-user.sh              copy this folder to ~/.local/opt/judge-app, then register it
#   ./install-user.sh --in-place   register this folder where it is (it must stay there)
#
# Registers: ~/.local/share/applications/judge-app.desktop (menu entry), the MIME types
# application/x-dlg-bundle (*.dlgbundle), application/x-dlg-scores (*.dlgscores) and
# application/x-dlg-contest (*.dlgcontest) in ~/.local/share/mime, the icon in
# ~/.local/share/icons/hicolor, and the app as the default for bundles and contest databases.
# ~/.local/bin/judge-app points at the program for the command line. Undo with uninstall-user.sh.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/judge-app

case "${1:-}" in
  --in-place) target=$here ;;
  "") ;;
  *) echo "usage: $0 [--in-place]" >&2; exit 2 ;;
esac

[ -x "$here/judge-app" ] || { echo "install-user.sh: $here/judge-app is missing: run this from the app's folder" >&2; exit 1; }

if [ "$target" != "$here" ]; then
  echo "copying the app to $target"
  mkdir -p "$(dirname "$target")"
  rm -rf "$target.new"
  cp -a "$here" "$target.new"
  rm -rf "$target"
  mv "$target.new" "$target"
fi

share=$target/share
apps=$data_home/applications
mime=$data_home/mime
mkdir -p "$apps" "$mime/packages" "$HOME/.local/bin"

# Menu entry, with the program's full path (quoted for the desktop-entry spec).
escaped=$(printf '%s' "$target/judge-app" | sed 's/[\\"`$]/\\\\&/g')
sed -e "s|^Exec=.*|Exec=\"$escaped\" %f|" -e "s|^TryExec=.*|TryExec=$target/judge-app|" \
  "$share/judge-app.desktop" > "$apps/judge-app.desktop"
chmod 644 "$apps/judge-app.desktop"

# File types and icons.
cp "$share/dlg-mime.xml" "$mime/packages/dlg-judge-app.xml"
for png in "$share"/judge-app-*.png; do
  size=$(basename "$png" .png); size=${size#judge-app-}
  dir=$data_home/icons/hicolor/${size}x${size}
  mkdir -p "$dir/apps" "$dir/mimetypes"
  cp "$png" "$dir/apps/judge-app.png"
  for type in application-x-dlg-bundle application-x-dlg-scores application-x-dlg-contest; do
    cp "$png" "$dir/mimetypes/$type.png"
  done
done
ln -sfn "$target/judge-app" "$HOME/.local/bin/judge-app"

# Refresh the caches (each tool is optional: desktops refresh them at login too).
if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$mime"; fi
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$apps" || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t -f "$data_home/icons/hicolor" 2>/dev/null || true
fi

# The app opens bundles and contest databases by default (~/.config/mimeapps.list).
if command -v xdg-mime >/dev/null 2>&1; then
  xdg-mime default judge-app.desktop application/x-dlg-bundle
  xdg-mime default judge-app.desktop application/x-dlg-contest
else
  config=${XDG_CONFIG_HOME:-$HOME/.config}
  mkdir -p "$config"
  list=$config/mimeapps.list
  [ -f "$list" ] || printf '[Default Applications]\n' > "$list"
  grep -q '^\[Default Applications\]' "$list" || printf '\n[Default Applications]\n' >> "$list"
  for type in application/x-dlg-bundle application/x-dlg-contest; do
    sed -i "\|^$type=|d" "$list"
    sed -i "s|^\[Default Applications\]\$|&\n$type=judge-app.desktop|" "$list"
  done
fi

echo "installed: $target/judge-app"
echo "  menu entry $apps/judge-app.desktop; *.dlgbundle and *.dlgcontest open in the app"
