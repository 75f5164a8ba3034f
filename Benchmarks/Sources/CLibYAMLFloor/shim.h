#ifndef CLIBYAMLFLOOR_SHIM_H
#define CLIBYAMLFLOOR_SHIM_H
#include <yaml.h>
#endif
