/// Terraform's lines for `gitform import`: what is read, what was found, and the closing
/// paragraph. The id is quoted as the plan quotes strings; a read object's refresh line is
/// `RefreshProgressView`'s.
enum ImportView {
  static func importing(_ address: InstanceAddress, id: String) -> String {
    "\(address): Importing from ID \(StringQuoting.quote(id, .go))...\n"
  }

  static func prepared(_ address: InstanceAddress, type: String) -> String {
    "\(address): Import prepared!\n  Prepared \(type) for import\n"
  }

  /// `Import successful!` (a bold green heading on a terminal) and what it means.
  static func successful(color: Bool) -> String {
    "\n" + TerminalStyle(color: color).heading("Import successful!") + "\n\n"
      + "The resources that were imported are shown above. These resources are now in\nyour gitform state and will henceforth be managed by gitform.\n\n"
  }
}
