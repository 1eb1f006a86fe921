// MariaDB Connector/C (Debian: libmariadb-dev), found through pkg-config `libmariadb`.
#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>
