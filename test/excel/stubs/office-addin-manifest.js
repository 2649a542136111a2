// office-addin-mock 4 requires office-addin-manifest only for its OfficeApp enum, but the package's
// entry pulls an ESM-only module (strip-bom) that jest cannot load in CommonJS (MACHINE.md). The enum
// file alone has no such import.
module.exports = require("office-addin-manifest/lib/officeApp");
