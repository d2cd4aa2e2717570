#!/bin/sh
# Undo install-user.sh for the current user. The judge's own data (keys, workspaces in
# ~/.local/share/dlg-judge-app) is kept: remove that folder by hand only when the round is over.
set -eu

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
config=${XDG_CONFIG_HOME:-$HOME/.config}

rm -f "$data_home/applications/judge-app.desktop" "$data_home/mime/packages/dlg-judge-app.xml"
for dir in "$data_home"/icons/hicolor/*/; do
  rm -f "$dir/apps/judge-app.png" "$dir"/mimetypes/application-x-dlg-*.png
done
link=$HOME/.local/bin/judge-app
if [ -L "$link" ]; then rm -f "$link"; fi
rm -rf "$HOME/.local/opt/judge-app"
if [ -f "$config/mimeapps.list" ]; then
  sed -i '/^application\/x-dlg-[a-z]*=judge-app\.desktop;\{0,1\}$/d' "$config/mimeapps.list"
fi
if command -v update-mime-database >/dev/null 2>&1 && [ -d "$data_home/mime/packages" ]; then
  update-mime-database "$data_home/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data_home/applications" ]; then
  update-desktop-database -q "$data_home/applications" || true
fi
echo "uninstalled (your keys and workspaces in $data_home/dlg-judge-app are kept)"
