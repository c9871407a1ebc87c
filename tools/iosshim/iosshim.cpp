// Defines std::ios_base_library_init(), the one GLIBCXX_3.4.32 symbol libLibTorchSharp.so (built with GCC 13) needs and
// libstdc++ 12 (Debian 12) lacks. GCC 13 emits a call to it from every translation unit that includes <iostream>;
// its whole job is to construct the standard streams, which a static ios_base::Init does.
#include <ios>

namespace std
{
    void ios_base_library_init()
    {
        static ios_base::Init init;
    }
}
