#!/bin/bash
# EMR bootstrap action: installs the .NET 10 runtime on every node, since in cluster mode the
# driver (and with it the .NET process) may run on any node. Not needed for a self-contained
# publish (-r linux-x64 --self-contained true). Executors never start .NET.
set -euo pipefail
install_dir=/usr/share/dotnet
curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
sudo bash /tmp/dotnet-install.sh --runtime dotnet --channel 10.0 --install-dir "$install_dir"
sudo ln -sf "$install_dir/dotnet" /usr/bin/dotnet
echo "DOTNET_ROOT=$install_dir" | sudo tee -a /etc/environment >/dev/null
