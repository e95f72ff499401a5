/**
 * Legal retention of the archive's records (Circular 10/2022/TT-BNV): schedules and eligibility,
 * disposition sweeps, destruction certificates and transfer packages. A pure library: it knows no
 * database, storage or HTTP; the archive-api feeds it values and acts on its answers.
 */
package vn.tangthu.retention;
