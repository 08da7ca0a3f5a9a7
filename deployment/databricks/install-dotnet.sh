#!/bin/bash
# Databricks cluster init script: installs the .NET 10 runtime on every node so that the
# DotnetRunner can start a framework-dependent SparkCleanlab.Spark on the driver. Not needed
# for a self-contained publish (-r linux-x64 --self-contained true). Executors never start .NET.
set -euo pipefail
install_dir=/usr/share/dotnet
if [[ ! -x "$install_dir/dotnet" ]]; then
  curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --runtime dotnet --channel 10.0 --install-dir "$install_dir"
  ln -sf "$install_dir/dotnet" /usr/bin/dotnet
fi
# The app's apphost looks here for the runtime.
echo "DOTNET_ROOT=$install_dir" >> /etc/environment
