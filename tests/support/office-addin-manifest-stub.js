// office-addin-mock imports office-addin-manifest only for its CLI helpers, which the tests never use.
module.exports = {};
